package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/** An engine over a real embedded store, calling a plain object's methods as the interceptor would. */
final class Harness implements AutoCloseable {

    final AtomicLong now = new AtomicLong(1_000_000);
    double randomValue = 0.5;
    final TriggerCacheEngine engine;
    final Object target;

    Harness(Object target) {
        this(target, JCacheStore.embedded());
    }

    Harness(Object target, CacheStore store) {
        this(target, store, TransactionBridge.NONE);
    }

    Harness(Object target, CacheStore store, TransactionBridge transactions) {
        this.target = target;
        DoubleSupplier random = () -> randomValue;
        this.engine = TriggerCacheEngine.builder().store(store, true).clock(now::get).random(random)
                .transactions(transactions).build(definitions(target.getClass()));
    }

    static List<MethodDefinition> definitions(Class<?>... types) {
        List<MethodDefinition> defs = new ArrayList<>();
        for (Class<?> type : types) {
            Cached onClass = type.getAnnotation(Cached.class);
            for (Method m : type.getDeclaredMethods()) {
                Cached own = m.getAnnotation(Cached.class);
                if (own != null) {
                    defs.add(new MethodDefinition(type, m, own, false));
                } else if (onClass != null && Modifier.isPublic(m.getModifiers()) && m.getReturnType() != void.class) {
                    defs.add(new MethodDefinition(type, m, onClass, true));
                }
            }
        }
        return defs;
    }

    static TriggerCacheEngine build(Class<?>... types) {
        return TriggerCacheEngine.builder().store(JCacheStore.embedded(), true).build(definitions(types));
    }

    Object call(String name, Object... args) throws Exception {
        Method method = null;
        for (Method m : target.getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                method = m;
            }
        }
        if (method == null) {
            throw new IllegalArgumentException(name);
        }
        Method invoked = method;
        return engine.call(invoked, args, ignored -> {
            try {
                return invoked.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) e.getCause();
            }
        }, null);
    }

    /** Commits one transaction holding {@code changes}. */
    void commit(io.triggercache.Change... changes) {
        var tx = engine.transaction(new Object());
        for (var c : changes) {
            tx.add(c);
        }
        tx.completed(true);
    }

    @Override
    public void close() {
        engine.close();
    }
}
