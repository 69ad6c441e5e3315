package io.triggercache.benchmarks.support;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import javax.cache.CacheManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container holding the given bean classes and triggercache's extension, and, when given, the
 * application's JCache manager as a bean.
 */
public final class WeldApp implements AutoCloseable {

    private final WeldContainer container;
    private final CacheManager manager;

    private WeldApp(WeldContainer container, CacheManager manager) {
        this.container = container;
        this.manager = manager;
    }

    /**
     * Starts a container over {@code manager} (closed with the container), or over the library's embedded
     * default when {@code manager} is null.
     */
    public static WeldApp start(CacheManager manager, Class<?>... beans) {
        return start(manager, List.of(), beans);
    }

    /** As {@link #start(CacheManager, Class[])}, with more extensions (such as {@link ProvidedBean}s). */
    public static WeldApp start(CacheManager manager, List<Extension> extensions, Class<?>... beans) {
        // with discovery off Weld SE reads no META-INF/services, so the extension a deployment would find
        // there is added by hand
        Weld weld = new Weld().disableDiscovery().addBeanClasses(beans).addExtension(new TriggerCacheExtension());
        if (manager != null) {
            weld.addExtension(new ProvidedBean<>(CacheManager.class, manager));
        }
        extensions.forEach(weld::addExtension);
        return new WeldApp(weld.initialize(), manager);
    }

    /** The contextual reference (the client proxy) of a bean. */
    public <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    /** The statistics of one cached method. */
    public MethodStatistics statistics(String name) {
        return bean(CacheStatistics.class).of(name);
    }

    /**
     * Fails unless the method has answered from the cache at least once: guards a benchmark against
     * measuring a path that silently bypasses the cache.
     */
    public void requireHits(String name) {
        MethodStatistics s = statistics(name);
        if (s.hits() == 0) {
            throw new IllegalStateException(name + " served no hit after warm-up: " + s);
        }
    }

    @Override
    public void close() {
        container.close();
        if (manager != null) {
            manager.close();
        }
    }
}
