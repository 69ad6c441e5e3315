package io.triggercache.metrics.internal;

import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.metrics.TriggerCacheJmx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Registers the {@link TriggerCacheJmx} MBeans in the platform MBean server when the application starts, and
 * unregisters them when it stops, unless the system property {@code triggercache.jmx} is {@code false}. A bean of
 * the jar's bean archive, or added by {@link MetricsExtension} where the jar is not scanned; not for direct use.
 */
@ApplicationScoped
public class JmxBinding {

    @Inject
    Instance<CacheStatistics> statistics;
    @Inject
    Instance<CacheInspector> inspectors;

    private TriggerCacheJmx jmx;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (jmx != null || !MetricsExtension.enabled("triggercache.jmx") || !statistics.isResolvable()) {
            return;
        }
        jmx = new TriggerCacheJmx(statistics.get(), inspectors.isResolvable() ? inspectors.get() : null);
        jmx.register();
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
    }
}
