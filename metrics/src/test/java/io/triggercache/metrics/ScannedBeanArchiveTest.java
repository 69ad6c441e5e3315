package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triggercache.metrics.internal.JmxBinding;
import io.triggercache.metrics.internal.MicrometerBinding;
import jakarta.enterprise.inject.Any;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The jar is a bean archive ({@code META-INF/beans.xml}): where the container scans it (a WAR's {@code WEB-INF/lib}),
 * the bindings are discovered there, in the jar's own bean archive, and the extension adds none a second time. That
 * is what makes the readiness check visible to a server's MicroProfile Health (WildFly's looks for checks from an
 * archive of its own, which does not see the synthetic archive of types an extension adds for a jar without
 * {@code beans.xml}). Here the scan is played by giving the classes as bean classes.
 */
class ScannedBeanArchiveTest {

    @Test
    void bindingsDiscoveredByTheScan_areNotAddedAgain() {
        RegistryProducer.registry = new SimpleMeterRegistry();
        try (WeldContainer app = Deployments.start("scanned", TriggerCacheReadiness.class, JmxBinding.class, MicrometerBinding.class,
                RegistryProducer.class)) {
            assertThat(app.select(HealthCheck.class, Readiness.Literal.INSTANCE).isResolvable()).isTrue();
            assertThat(app.getBeanManager().getBeans(JmxBinding.class, Any.Literal.INSTANCE)).hasSize(1);
            assertThat(app.getBeanManager().getBeans(MicrometerBinding.class, Any.Literal.INSTANCE)).hasSize(1);
        }
    }

    @Test
    void withoutTheScan_theExtensionAddsEachBinding() {
        try (WeldContainer app = Deployments.start("added")) {
            assertThat(app.select(HealthCheck.class, Readiness.Literal.INSTANCE).isResolvable()).isTrue();
            assertThat(app.getBeanManager().getBeans(JmxBinding.class, Any.Literal.INSTANCE)).hasSize(1);
            assertThat(app.getBeanManager().getBeans(MicrometerBinding.class, Any.Literal.INSTANCE)).hasSize(1);
        }
    }

    @Test
    void theJarsBeansXml_excludesEachBindingWhoseApiIsMissing() throws Exception {
        Path classes = Path.of(TriggerCacheReadiness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String beansXml = Files.readString(classes.resolve("META-INF/beans.xml"));
        assertThat(beansXml).contains("bean-discovery-mode=\"annotated\"")
                .contains("<exclude name=\"io.triggercache.metrics.internal.MicrometerBinding\">")
                .contains("<if-class-not-available name=\"io.micrometer.core.instrument.MeterRegistry\"/>")
                .contains("<exclude name=\"io.triggercache.metrics.TriggerCacheReadiness\">")
                .contains("<if-class-not-available name=\"org.eclipse.microprofile.health.HealthCheck\"/>");
    }
}
