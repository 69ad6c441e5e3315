package io.triggercache.metrics;

import static io.triggercache.metrics.PriceService.BROKEN;
import static io.triggercache.metrics.PriceService.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.CacheStatistics;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.metrics.internal.MetricsExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One MBean per cached method in the platform MBean server, read as a JMX console reads it (Weld SE, no Micrometer bean). */
@EnableWeld
class JmxTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(PriceService.class)
                    .addExtension(new TriggerCacheExtension())
                    .addExtension(new MetricsExtension()))
            .activate(ApplicationScoped.class).build();

    @Inject
    PriceService shop;
    @Inject
    Invalidator invalidator;
    @Inject
    CacheStatistics statistics;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @BeforeEach
    void reset() {
        PriceService.reset();
    }

    @Test
    void attributes_readThroughThePlatformMBeanServer_matchTheStatistics() throws Exception {
        ObjectName price = new ObjectName("io.triggercache:type=CacheStatistics,Cache=" + PRICE);
        PriceService.prices.put(1L, "9.99");
        shop.price(1L);                                                // miss, load
        shop.price(1L);                                                // cache hit
        shop.price(2L);                                                // miss, load
        invalidator.invalidateGroup(PRICE, 1L);
        shop.price(1L);                                                // miss, load
        shop.price(2L);                                                // cache hit
        assertThatThrownBy(shop::broken).isInstanceOf(IllegalStateException.class);   // miss, failed load

        MethodStatistics s = statistics.of(PRICE);
        assertThat(server.getAttribute(price, "Name")).isEqualTo(PRICE);
        assertThat(server.getAttribute(price, "CacheName")).isEqualTo("shop-prices");
        assertThat(server.getAttribute(price, "Hits")).isEqualTo(2L).isEqualTo(s.hits());
        assertThat(server.getAttribute(price, "Misses")).isEqualTo(3L).isEqualTo(s.misses());
        assertThat(server.getAttribute(price, "Loads")).isEqualTo(3L).isEqualTo(s.loads());
        assertThat(server.getAttribute(price, "LoadFailures")).isEqualTo(0L).isEqualTo(s.loadFailures());
        assertThat(server.getAttribute(price, "LoadTimeNanos")).isEqualTo(s.loadTimeNanos());
        assertThat(server.getAttribute(price, "Invalidations")).isEqualTo(1L).isEqualTo(s.invalidations());
        assertThat(server.getAttribute(price, "Bypasses")).isEqualTo(0L).isEqualTo(s.bypasses());
        assertThat(server.getAttribute(price, "Errors")).isEqualTo(0L).isEqualTo(s.errors());
        assertThat(server.getAttribute(price, "HitRatio")).isEqualTo(0.4);

        MethodStatisticsMXBean broken = JMX.newMXBeanProxy(server, TriggerCacheJmx.objectName(BROKEN), MethodStatisticsMXBean.class);
        assertThat(broken.getMisses()).isEqualTo(1);
        assertThat(broken.getLoads()).isZero();
        assertThat(broken.getLoadFailures()).isEqualTo(1);
        assertThat(broken.getCacheName()).isEqualTo(BROKEN);
    }

    @Test
    void everyCachedMethod_hasOneMBean_isAnMXBean() throws Exception {
        assertThat(server.queryNames(new ObjectName("io.triggercache:type=CacheStatistics,*"), null))
                .extracting(n -> n.getKeyProperty("Cache"))
                .containsExactlyInAnyOrder(PRICE, PriceService.BANNER, BROKEN);
        assertThat(server.getMBeanInfo(TriggerCacheJmx.objectName(PRICE)).getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
    }
}
