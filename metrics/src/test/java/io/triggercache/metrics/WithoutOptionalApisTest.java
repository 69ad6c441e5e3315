package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.metrics.internal.MetricsExtension;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Extension;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The module in a deployment without Micrometer and without MicroProfile Health: the test's class path minus those
 * jars, in a class loader of its own (as a WAR without them would be), deploys, registers its MBeans and no other bean.
 */
class WithoutOptionalApisTest {

    @Test
    void withoutMicrometerAndMicroProfileHealth_theModuleDeploys_withItsMBeansOnly() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String jar = new File(entry).getName();
            if (!jar.startsWith("micrometer-") && !jar.startsWith("microprofile-health-") && !jar.startsWith("HdrHistogram-")
                    && !jar.startsWith("LatencyUtils-")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader deployment = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, deployment))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("org.eclipse.microprofile.health.HealthCheck", false, deployment))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(deployment);
            Object result = Class.forName(Deployment.class.getName(), true, deployment).getMethod("run").invoke(null);
            assertThat(result).isEqualTo("hits=1, misses=1, beans of triggercache-metrics=[JmxBinding]");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Runs inside the class loader without the optional APIs. */
    public static final class Deployment {
        public static String run() throws Exception {
            Weld weld = new Weld("without-optional-apis").disableDiscovery().addBeanClass(PriceService.class);
            for (Extension e : List.of(new TriggerCacheExtension(), new MetricsExtension())) {
                weld.addExtension(e);
            }
            try (WeldContainer app = weld.initialize()) {
                PriceService shop = app.select(PriceService.class).get();
                shop.price(1L);                                        // miss
                shop.price(1L);                                        // cache hit
                var server = ManagementFactory.getPlatformMBeanServer();
                var name = TriggerCacheJmx.objectName(PriceService.PRICE);
                List<String> beans = app.getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                        .map(b -> b.getBeanClass())
                        .filter(c -> c.getPackageName().startsWith("io.triggercache.metrics") && !Extension.class.isAssignableFrom(c)
                                && c != PriceService.class)
                        .map(Class::getSimpleName).sorted().toList();
                return "hits=" + server.getAttribute(name, "Hits") + ", misses=" + server.getAttribute(name, "Misses")
                        + ", beans of triggercache-metrics=" + beans;
            }
        }
    }
}
