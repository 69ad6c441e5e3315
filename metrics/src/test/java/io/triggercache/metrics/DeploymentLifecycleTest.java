package io.triggercache.metrics;

import static io.triggercache.metrics.PriceService.PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployments that share one JVM, one MBean server and one MeterRegistry (a server's): each one's meters and MBeans
 * read its own counters, shutting down removes them, and a deployment that never shut down is taken over.
 */
class DeploymentLifecycleTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName price = TriggerCacheJmx.objectName(PRICE);
    private SimpleMeterRegistry registry;

    @BeforeEach
    void sharedRegistry() {
        registry = new SimpleMeterRegistry();
        RegistryProducer.registry = registry;
        PriceService.reset();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        assertThat(server.queryNames(new ObjectName(TriggerCacheJmx.DOMAIN + ":*"), null)).isEmpty();
    }

    @Test
    void twoDeploymentsInTurn_eachReadsItsOwnCounters_andShuttingDownRemovesItsMetersAndMBeans() throws Exception {
        try (WeldContainer first = Deployments.start("first", RegistryProducer.class)) {
            PriceService shop = first.select(PriceService.class).get();
            shop.price(1L);                                            // miss
            shop.price(1L);                                            // cache hit
            assertThat(hits(registry)).isEqualTo(1);
            assertThat(server.getAttribute(price, "Hits")).isEqualTo(1L);
        }
        assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
        assertThat(server.isRegistered(price)).isFalse();

        try (WeldContainer second = Deployments.start("second", RegistryProducer.class)) {
            second.select(PriceService.class).get().price(1L);        // miss: a new store
            assertThat(hits(registry)).isZero();
            assertThat(misses(registry)).isEqualTo(1);
            assertThat(server.getAttribute(price, "Hits")).isEqualTo(0L);
            assertThat(server.getAttribute(price, "Misses")).isEqualTo(1L);
        }
        assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
    }

    @Test
    void deploymentThatDidNotShutDown_isTakenOver_andItsLateShutdownLeavesTheNewOnesMetersAndMBeans() throws Exception {
        WeldContainer stale = Deployments.start("stale", RegistryProducer.class);
        try {
            stale.select(PriceService.class).get().price(1L);
            stale.select(PriceService.class).get().price(1L);
            assertThat(hits(registry)).isEqualTo(1);

            try (WeldContainer current = Deployments.start("current", RegistryProducer.class)) {
                PriceService shop = current.select(PriceService.class).get();
                shop.price(1L);                                        // miss: its own store
                assertThat(hits(registry)).isZero();                   // the meter reads the current deployment now
                assertThat(misses(registry)).isEqualTo(1);
                assertThat(server.getAttribute(price, "Misses")).isEqualTo(1L);
                assertThat(server.getAttribute(price, "Hits")).isEqualTo(0L);

                stale.close();                                         // the old one stops at last
                shop.price(1L);                                        // cache hit
                assertThat(hits(registry)).isEqualTo(1);               // still there, still the current one's
                assertThat(server.getAttribute(price, "Hits")).isEqualTo(1L);
            }
            assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
        } finally {
            if (stale.isRunning()) {
                stale.close();
            }
        }
    }

    @Test
    void withoutTheEngine_theModuleDeploys_andBindsNothing() {
        try (WeldContainer alone = Deployments.start("alone", false, RegistryProducer.class)) {
            assertThat(alone.isRunning()).isTrue();
            assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
            assertThat(server.isRegistered(price)).isFalse();
        }
    }

    @Test
    void withoutAMeterRegistryBean_noMeters_butTheMBeans() throws Exception {
        try (WeldContainer plain = Deployments.start("plain")) {
            plain.select(PriceService.class).get().price(1L);
            assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
            assertThat(server.getAttribute(price, "Misses")).isEqualTo(1L);
        }
    }

    @Test
    void ambiguousMeterRegistry_deploys_withoutMeters() throws Exception {
        try (WeldContainer ambiguous = Deployments.start("ambiguous", RegistryProducer.class, SecondRegistryProducer.class)) {
            ambiguous.select(PriceService.class).get().price(1L);
            assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
            assertThat(MicrometerMetricsTest.triggercacheMeters(SecondRegistryProducer.registry)).isEmpty();
            assertThat(server.getAttribute(price, "Misses")).isEqualTo(1L);
        }
    }

    @Test
    void micrometerOptOut_bindsNoMeter_butTheMBeans() throws Exception {
        System.setProperty("triggercache.micrometer", "false");
        try (WeldContainer optedOut = Deployments.start("no-micrometer", RegistryProducer.class)) {
            optedOut.select(PriceService.class).get().price(1L);
            assertThat(MicrometerMetricsTest.triggercacheMeters(registry)).isEmpty();
            assertThat(server.getAttribute(price, "Misses")).isEqualTo(1L);
        } finally {
            System.clearProperty("triggercache.micrometer");
        }
    }

    @Test
    void jmxOptOut_registersNoMBean_butTheMeters() {
        System.setProperty("triggercache.jmx", "false");
        try (WeldContainer optedOut = Deployments.start("opted-out", RegistryProducer.class)) {
            optedOut.select(PriceService.class).get().price(1L);
            assertThat(server.isRegistered(price)).isFalse();
            assertThat(misses(registry)).isEqualTo(1);
        } finally {
            System.clearProperty("triggercache.jmx");
        }
    }

    private static double hits(MeterRegistry registry) {
        return registry.get("triggercache.gets").tag("name", PRICE).tag("result", "hit").functionCounter().count();
    }

    private static double misses(MeterRegistry registry) {
        return registry.get("triggercache.gets").tag("name", PRICE).tag("result", "miss").functionCounter().count();
    }
}
