package io.triggercache.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls a plain object's methods (by name, one per name) through an engine, as the interceptor would. */
final class Calls {

    private final TriggerCacheEngine engine;
    private final Object target;
    private final java.util.Map<String, Method> methods = new java.util.concurrent.ConcurrentHashMap<>();

    Calls(TriggerCacheEngine engine, Object target) {
        this.engine = engine;
        this.target = target;
    }

    /** Calls the method {@code name}; the same {@code Method} object every time, as a container passes it. */
    Object call(String name, Object... args) throws Exception {
        return call(methods.computeIfAbsent(name, n -> method(target.getClass(), n)), args);
    }

    Object call(Method method, Object... args) throws Exception {
        return engine.call(method, args, ignored -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) e.getCause();
            }
        }, null);
    }

    static Method method(Class<?> type, String name) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
