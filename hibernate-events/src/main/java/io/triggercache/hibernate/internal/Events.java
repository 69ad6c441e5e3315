package io.triggercache.hibernate.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Reads the session of a Hibernate event across versions, through a handle looked up once per event class:
 * <ul>
 *   <li>{@code getSession()} changed its return type in Hibernate 7.2 ({@code EventSource} before,
 *       {@code SharedSessionContractImplementor} since), so a direct call compiled against 6.6 fails on 7.2+
 *       with {@code NoSuchMethodError};</li>
 *   <li>in Hibernate 7 the collection events of a StatelessSession have no session and their
 *       {@code getSession()} throws a {@code NullPointerException}; for those classes the protected
 *       {@code source} field is read instead.</li>
 * </ul>
 */
final class Events {

    private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);
    private static final String SESSION_EVENT = "org.hibernate.event.spi.AbstractSessionEvent";

    private static final ClassValue<MethodHandle> SESSION = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> eventType) {
            MethodHandle field = sourceField(eventType);
            if (field != null) {
                return field;
            }
            try {
                Method getter = eventType.getMethod("getSession");
                return MethodHandles.publicLookup().unreflect(getter).asType(OBJECT_TO_OBJECT);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(eventType.getName() + " has no public getSession() method", e);
            }
        }
    };

    private Events() {
    }

    /** The session that fired {@code event}, or {@code null} when it has none (StatelessSession events, see above). */
    static SharedSessionContractImplementor session(Object event) {
        try {
            return (SharedSessionContractImplementor) (Object) SESSION.get(event.getClass()).invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Hibernate 7's {@code AbstractSessionEvent.source}, or null on other versions or if it cannot be read. */
    private static MethodHandle sourceField(Class<?> eventType) {
        for (Class<?> c = eventType; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(SESSION_EVENT)) {
                try {
                    Field source = c.getDeclaredField("source");
                    return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectGetter(source)
                            .asType(OBJECT_TO_OBJECT);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
