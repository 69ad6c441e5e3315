package io.triggercache.jpa.internal;

import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ChangeSinks;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Finds the {@link ChangeSink} of the calling deployment: the CDI bean of type {@code ChangeSink} (through
 * {@link CDI#current()}, which a Jakarta EE server resolves to the calling application), else {@link ChangeSinks}
 * for the thread context class loader, then for the entity's class loader.
 */
final class SinkLookup {

    private SinkLookup() {
    }

    /** The sink, or {@code null} if none is found (not deployed, or not ready yet). */
    static ChangeSink find(ClassLoader entityLoader) {
        ChangeSink sink = fromCdi();
        if (sink != null) {
            return sink;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            sink = ChangeSinks.find(context);
        }
        if (sink == null && entityLoader != null) {
            sink = ChangeSinks.find(entityLoader);
        }
        return sink;
    }

    private static ChangeSink fromCdi() {
        try {
            Instance<ChangeSink> found = CDI.current().select(ChangeSink.class);
            return found.isResolvable() ? found.get() : null;
        } catch (RuntimeException | LinkageError e) {
            // no CDI container here (Java SE), or the engine is not built yet: ChangeSinks, and CDI again later
            return null;
        }
    }
}
