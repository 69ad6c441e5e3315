package io.triggercache.metrics.internal;

import io.triggercache.metrics.TriggerCacheReadiness;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Adds the observability beans of {@code triggercache-metrics} to the deployment, each only when what it needs is on
 * the class path: the JMX MBeans always ({@link JmxBinding}; {@code triggercache.jmx=false} turns them off), the
 * Micrometer meters when Micrometer is present ({@link MicrometerBinding}, which binds them if a
 * {@code MeterRegistry} bean resolves), the readiness check when the MicroProfile Health API is present
 * ({@link TriggerCacheReadiness}). A binding whose API is missing is never loaded, so this jar deploys without
 * Micrometer and without MicroProfile Health.
 *
 * <p>Discovered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; the jar is no bean archive
 * (an archive with an extension and no {@code beans.xml} is not one), so these are its only beans.
 */
public class MetricsExtension implements Extension {

    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        event.addAnnotatedType(beans.createAnnotatedType(JmxBinding.class), JmxBinding.class.getName());
        // the class literals below are resolved only in the taken branch: the classes naming Micrometer or MicroProfile
        // Health types load only when those types can
        if (present(MICROMETER)) {
            event.addAnnotatedType(beans.createAnnotatedType(MicrometerBinding.class), MicrometerBinding.class.getName());
        }
        if (present(HEALTH) && present("org.eclipse.microprofile.health.Readiness")) {
            event.addAnnotatedType(beans.createAnnotatedType(TriggerCacheReadiness.class), TriggerCacheReadiness.class.getName());
        }
    }

    /** Whether {@code type} can be loaded by this jar's class loader (the deployment's, in a server). */
    static boolean present(String type) {
        try {
            Class.forName(type, false, MetricsExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the system property {@code name} is not {@code false}. */
    static boolean enabled(String name) {
        return !"false".equalsIgnoreCase(System.getProperty(name, "true").trim());
    }
}
