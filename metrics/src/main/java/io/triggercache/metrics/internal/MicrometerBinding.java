package io.triggercache.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.metrics.TriggerCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Binds {@link TriggerCacheMetrics} to the deployment's {@code MeterRegistry} bean when the application starts, and
 * removes its meters when the application stops. Nothing happens without a resolvable {@code MeterRegistry} bean, or
 * with the system property {@code triggercache.micrometer=false}. A bean only when Micrometer is present (the jar's
 * {@code beans.xml} excludes it otherwise, and {@link MetricsExtension} adds it only then); not for direct use.
 */
@ApplicationScoped
public class MicrometerBinding {

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    @Inject
    Instance<MeterRegistry> registries;
    @Inject
    Instance<CacheStatistics> statistics;
    @Inject
    Instance<CacheInspector> inspectors;

    private TriggerCacheMetrics metrics;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (metrics != null || !MetricsExtension.enabled("triggercache.micrometer") || !statistics.isResolvable()) {
            return;
        }
        if (!registries.isResolvable()) {
            LOG.log(registries.isUnsatisfied() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "TRIGGERCACHE-500 no Micrometer meters for the cached methods: "
                            + (registries.isUnsatisfied() ? "the deployment has no MeterRegistry bean"
                            : "the MeterRegistry bean is ambiguous (several beans qualify)")
                            + ". Produce one MeterRegistry bean, or bind new TriggerCacheMetrics(statistics, inspector) to a registry"
                            + " yourself (docs/metrics.md).");
            return;
        }
        MeterRegistry registry = registries.get();
        metrics = new TriggerCacheMetrics(statistics.get(), inspectors.isResolvable() ? inspectors.get() : null);
        metrics.bindTo(registry);
        LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-500 Micrometer meters of the cached methods bound to " + registry);
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}
