package io.triggercache.metrics.internal;

import io.triggercache.metrics.TriggerCacheReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds the observability beans of {@code triggercache-metrics} to the deployment, each only when what it needs is on
 * the class path: the JMX MBeans always ({@link JmxBinding}; {@code triggercache.jmx=false} turns them off), the
 * Micrometer meters when Micrometer is present ({@link MicrometerBinding}, which binds them if a
 * {@code MeterRegistry} bean resolves), the readiness check when the MicroProfile Health API is present
 * ({@link TriggerCacheReadiness}). A binding whose API is missing is never loaded, so this jar deploys without
 * Micrometer and without MicroProfile Health.
 *
 * <p>Discovered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}. The jar is also a bean
 * archive ({@code META-INF/beans.xml}, annotated mode, each binding excluded when its API is missing): where the
 * container scans it, the bindings are discovered there and this extension adds none of them again; where it does not
 * (Weld SE without discovery, or a container given the classes another way), this extension adds them after the
 * type discovery. The scanned archive matters in WildFly: its MicroProfile Health finds the readiness check only
 * there, not in the synthetic archive that holds types an extension adds for a jar without {@code beans.xml}.
 */
public class MetricsExtension implements Extension {

    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";

    /** The bindings the container discovered in this jar's bean archive, by class name. */
    private final Set<String> discovered = ConcurrentHashMap.newKeySet();

    // compared by name: a class literal of a binding whose API is missing would not load
    void discovered(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<?> event) {
        String type = event.getAnnotatedType().getJavaClass().getName();
        if (type.startsWith("io.triggercache.metrics.")) {
            discovered.add(type);
        }
    }

    void addBeans(@Observes AfterTypeDiscovery event, BeanManager beans) {
        if (!discovered.contains(JmxBinding.class.getName())) {
            event.addAnnotatedType(beans.createAnnotatedType(JmxBinding.class), JmxBinding.class.getName());
        }
        // the class literals below are resolved only in the taken branch: the classes naming Micrometer or MicroProfile
        // Health types load only when those types can
        if (present(MICROMETER) && !discovered.contains(MicrometerBinding.class.getName())) {
            event.addAnnotatedType(beans.createAnnotatedType(MicrometerBinding.class), MicrometerBinding.class.getName());
        }
        if (present(HEALTH) && present("org.eclipse.microprofile.health.Readiness")
                && !discovered.contains("io.triggercache.metrics.TriggerCacheReadiness")) {
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
