package io.triggercache.spi;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The change sinks of the running deployments, by deployment class loader.
 *
 * <p>A fallback for change sources that cannot reach the deployment's bean manager (a Hibernate
 * session factory bootstrapped by hand in Java SE). Each deployment registers its sink under its own
 * class loader, so two applications in one server never see each other's sink; a lookup walks from the
 * given loader to its parents.
 *
 * <p>Thread-safe.
 */
public final class ChangeSinks {

    private static final Map<ClassLoader, ChangeSink> SINKS = new WeakHashMap<>();

    private ChangeSinks() {
    }

    /** Registers the sink of the deployment whose class loader is {@code loader}, replacing any earlier one. */
    public static synchronized void register(ClassLoader loader, ChangeSink sink) {
        SINKS.put(loader, sink);
    }

    /** Removes the registration, if {@code sink} is still the one registered for {@code loader}. */
    public static synchronized void unregister(ClassLoader loader, ChangeSink sink) {
        SINKS.remove(loader, sink);
    }

    /**
     * The sink registered for {@code loader} or its nearest parent.
     *
     * @return the sink, or {@code null} if none is registered
     */
    public static synchronized ChangeSink find(ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            ChangeSink sink = SINKS.get(l);
            if (sink != null) {
                return sink;
            }
        }
        return null;
    }
}
