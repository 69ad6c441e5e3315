package io.triggercache.faces;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.engine.BlockDefinition;
import io.triggercache.engine.CachedBlock;
import io.triggercache.engine.TriggerCacheEngine;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fragments of one application: its triggercache engine and the blocks its {@code <tc:cache>} tags defined,
 * by name. Held in the application map (one per deployment, never a JVM-wide static).
 */
final class Fragments {

    private static final String KEY = Fragments.class.getName();

    private final TriggerCacheEngine engine;
    private final Map<String, CachedBlock> blocks = new ConcurrentHashMap<>();

    private Fragments(TriggerCacheEngine engine) {
        this.engine = engine;
    }

    /**
     * The fragments of the current application, created on first use with the deployment's engine.
     *
     * @throws IllegalStateException if triggercache is not active in the application
     */
    static Fragments of(FacesContext faces) {
        Map<String, Object> application = faces.getExternalContext().getApplicationMap();
        Object known = application.get(KEY);
        if (known != null) {
            return (Fragments) known;
        }
        synchronized (Fragments.class) {
            known = application.get(KEY);
            if (known == null) {
                known = new Fragments(engine());
                application.put(KEY, known);
            }
            return (Fragments) known;
        }
    }

    /** The block of a definition, registered with the engine on first use (the same handle afterwards). */
    CachedBlock define(BlockDefinition definition) {
        CachedBlock block = engine.define(definition);
        blocks.put(block.name(), block);
        return block;
    }

    /** The block defined under {@code name} by a compiled page, or {@code null} if no page defined it in this application. */
    CachedBlock block(String name) {
        return blocks.get(name);
    }

    private static TriggerCacheEngine engine() {
        TriggerCacheExtension extension;
        try {
            extension = CDI.current().getBeanManager().getExtension(TriggerCacheExtension.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("<tc:cache>: triggercache is not active in this application (" + e + ")."
                    + " Add triggercache-interceptor to the application and make it a CDI bean archive.", e);
        }
        return extension.engine();
    }
}
