package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MBeans without a container: their names, and the methods defined after registration. */
class TriggerCacheJmxTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final FixedStatistics statistics = new FixedStatistics();
    private final TriggerCacheJmx jmx = new TriggerCacheJmx(statistics, null, server, nanos::get);

    @AfterEach
    void release() {
        jmx.close();
    }

    @Test
    void objectName_isTheMethodsName_quotedOnlyWhenItMustBe() throws Exception {
        assertThat(TriggerCacheJmx.objectName("com.acme.BlogService.comments"))
                .isEqualTo(new ObjectName("io.triggercache:type=CacheStatistics,Cache=com.acme.BlogService.comments"));
        ObjectName fragment = TriggerCacheJmx.objectName("fragment:/post.xhtml:12");
        assertThat(fragment.getCanonicalName()).isEqualTo("io.triggercache:Cache=\"fragment:/post.xhtml:12\",type=CacheStatistics");
        assertThat(ObjectName.unquote(fragment.getKeyProperty("Cache"))).isEqualTo("fragment:/post.xhtml:12");
        assertThat(ObjectName.unquote(TriggerCacheJmx.objectName("a,b=c*?\"d\"").getKeyProperty("Cache"))).isEqualTo("a,b=c*?\"d\"");
    }

    @Test
    void methodDefinedLater_getsItsMBean_atAReadOfAnotherOne_aSecondAfterTheLastScan() throws Exception {
        statistics.put(new MethodStatistics("a", 1, 2, 2, 0, 50, 0, 0, 0));
        jmx.register();
        ObjectName a = TriggerCacheJmx.objectName("a");
        ObjectName block = TriggerCacheJmx.objectName("fragment:/post.xhtml:12");
        statistics.put(new MethodStatistics("fragment:/post.xhtml:12", 0, 1, 1, 0, 10, 0, 0, 0));

        assertThat(server.getAttribute(a, "Hits")).isEqualTo(1L);
        assertThat(server.isRegistered(block)).isFalse();              // scanned less than a second ago

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(server.getAttribute(a, "Misses")).isEqualTo(2L);    // this read scans again
        assertThat(server.isRegistered(block)).isTrue();
        assertThat(server.getAttribute(block, "Loads")).isEqualTo(1L);
        assertThat(jmx.registered()).containsOnlyKeys("a", "fragment:/post.xhtml:12");

        jmx.close();
        assertThat(server.isRegistered(a)).isFalse();
        assertThat(server.isRegistered(block)).isFalse();
    }

    /** Counters set by the test. */
    static final class FixedStatistics implements CacheStatistics {
        private final Map<String, MethodStatistics> byName = new TreeMap<>();

        synchronized void put(MethodStatistics s) {
            byName.put(s.name(), s);
        }

        @Override
        public synchronized MethodStatistics of(String name) {
            MethodStatistics s = byName.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no cached method is named \"" + name + "\"");
            }
            return s;
        }

        @Override
        public synchronized Collection<MethodStatistics> all() {
            return List.copyOf(byName.values());
        }
    }
}
