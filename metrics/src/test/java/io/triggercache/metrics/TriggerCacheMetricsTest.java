package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triggercache.MethodStatistics;
import io.triggercache.metrics.TriggerCacheJmxTest.FixedStatistics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The binder without a container, bound by hand as docs/metrics.md shows. */
class TriggerCacheMetricsTest {

    private final FixedStatistics statistics = new FixedStatistics();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void boundByHand_withTags_withoutInspector_readsTheCountersWhenRead() {
        statistics.put(new MethodStatistics("a", 5, 2, 2, 1, 3_000, 4, 6, 7));
        TriggerCacheMetrics metrics = new TriggerCacheMetrics(statistics, null, Tags.of("application", "blog"));
        metrics.bindTo(registry);

        FunctionCounter hits = registry.get("triggercache.gets").tags("application", "blog", "name", "a", "cache", "a", "result", "hit")
                .functionCounter();                                     // without an inspector the cache tag is the name
        assertThat(hits.count()).isEqualTo(5);
        statistics.put(new MethodStatistics("a", 8, 2, 2, 1, 3_000, 4, 6, 7));
        assertThat(hits.count()).isEqualTo(8);                         // read when read, not copied at binding
        assertThat(registry.get("triggercache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("triggercache.load").tag("result", "success").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("triggercache.load").tag("result", "failure").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("triggercache.load.duration").functionTimer().count()).isEqualTo(3);
        assertThat(registry.get("triggercache.load.duration").functionTimer().totalTime(TimeUnit.MICROSECONDS)).isEqualTo(3);
        assertThat(registry.get("triggercache.invalidations").functionCounter().count()).isEqualTo(4);
        assertThat(registry.get("triggercache.bypasses").functionCounter().count()).isEqualTo(6);
        assertThat(registry.get("triggercache.errors").functionCounter().count()).isEqualTo(7);
        assertThat(registry.get("triggercache.methods").tags("application", "blog").gauge().value()).isEqualTo(1);

        metrics.bindTo(registry);                                      // a second binding to one registry changes nothing
        assertThat(registry.getMeters()).hasSize(9);
        metrics.close();
        assertThat(registry.getMeters()).isEmpty();
        metrics.close();                                               // idempotent
    }

    @Test
    void methodAddedLater_isBound_whenTheMethodsGaugeIsRead() {
        statistics.put(new MethodStatistics("a", 0, 0, 0, 0, 0, 0, 0, 0));
        try (TriggerCacheMetrics metrics = new TriggerCacheMetrics(statistics, null)) {
            metrics.bindTo(registry);
            statistics.put(new MethodStatistics("b", 1, 0, 0, 0, 0, 0, 0, 0));
            assertThat(registry.find("triggercache.gets").tag("name", "b").meters()).isEmpty();

            assertThat(registry.get("triggercache.methods").gauge().value()).isEqualTo(2);
            assertThat(registry.get("triggercache.gets").tags("name", "b", "result", "hit").functionCounter().count()).isEqualTo(1);
            assertThat(registry.getMeters()).hasSize(17);              // 8 per method and the gauge
        }
        assertThat(registry.getMeters()).isEmpty();
    }
}
