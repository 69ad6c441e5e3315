package io.triggercache.metrics;

import static io.triggercache.metrics.PriceService.BANNER;
import static io.triggercache.metrics.PriceService.BROKEN;
import static io.triggercache.metrics.PriceService.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triggercache.CacheStatistics;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.engine.BlockDefinition;
import io.triggercache.engine.CachedBlock;
import io.triggercache.metrics.internal.MetricsExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Micrometer meters of a deployment's cached methods, bound to the application's MeterRegistry bean (Weld SE). */
@EnableWeld
class MicrometerMetricsTest {

    static {
        RegistryProducer.registry = new SimpleMeterRegistry();
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(PriceService.class, RegistryProducer.class)
                    .addExtension(new TriggerCacheExtension())
                    .addExtension(new MetricsExtension()))
            .activate(ApplicationScoped.class).build();

    @Inject
    PriceService shop;
    @Inject
    Invalidator invalidator;
    @Inject
    CacheStatistics statistics;
    @Inject
    MeterRegistry registry;
    @Inject
    TriggerCacheExtension triggercache;

    @BeforeEach
    void reset() {
        PriceService.reset();
    }

    @Test
    void meters_countAScriptedSequence_exactlyAsTheStatistics() {
        PriceService.prices.put(1L, "9.99");
        PriceService.prices.put(2L, "5.00");
        shop.price(1L);                                                // miss, load
        shop.price(1L);                                                // cache hit
        shop.price(2L);                                                // miss, load
        shop.price(1L);                                                // cache hit
        invalidator.invalidateGroup(PRICE, 1L);                        // drops group 1
        PriceService.prices.put(1L, "7.99");
        assertThat(shop.price(1L)).isEqualTo("7.99");                  // miss, load
        assertThat(shop.price(2L)).isEqualTo("5.00");                  // cache hit
        assertThatThrownBy(shop::broken).hasMessage("the database is down");   // miss, failed load

        assertThat(count("triggercache.gets", PRICE, "hit")).isEqualTo(3);
        assertThat(count("triggercache.gets", PRICE, "miss")).isEqualTo(3);
        assertThat(count("triggercache.load", PRICE, "success")).isEqualTo(3);
        assertThat(count("triggercache.load", PRICE, "failure")).isZero();
        assertThat(count("triggercache.invalidations", PRICE, null)).isEqualTo(1);
        assertThat(count("triggercache.bypasses", PRICE, null)).isZero();
        assertThat(count("triggercache.errors", PRICE, null)).isZero();
        FunctionTimer loads = registry.get("triggercache.load.duration").tag("name", PRICE).functionTimer();
        MethodStatistics price = statistics.of(PRICE);
        assertThat(loads.count()).isEqualTo(3);
        // the timer converts through seconds: equal within a nanosecond, not to the last bit
        assertThat(loads.totalTime(TimeUnit.NANOSECONDS)).isCloseTo((double) price.loadTimeNanos(), within(1.0));

        assertThat(count("triggercache.gets", BROKEN, "miss")).isEqualTo(1);
        assertThat(count("triggercache.load", BROKEN, "success")).isZero();
        assertThat(count("triggercache.load", BROKEN, "failure")).isEqualTo(1);
        assertThat(registry.get("triggercache.load.duration").tag("name", BROKEN).functionTimer().count()).isEqualTo(1);
        assertThat(count("triggercache.gets", BANNER, "hit") + count("triggercache.gets", BANNER, "miss")).isZero();

        assertThat(price.hits()).isEqualTo(3);
        assertThat(price.misses()).isEqualTo(3);
        assertThat(price.loads()).isEqualTo(3);
        assertThat(price.invalidations()).isEqualTo(1);
        assertThat(PriceService.runs).hasValue(4);
    }

    @Test
    void eachMethod_hasItsMeters_taggedWithItsNameAndItsJCacheCache() {
        List<Meter> ofPrice = registry.getMeters().stream().filter(m -> PRICE.equals(m.getId().getTag("name"))).toList();
        assertThat(ofPrice.stream().map(m -> m.getId().getName() + resultOf(m)).sorted().toList())
                .containsExactly("triggercache.bypasses", "triggercache.errors", "triggercache.gets{hit}", "triggercache.gets{miss}",
                        "triggercache.invalidations", "triggercache.load.duration", "triggercache.load{failure}",
                        "triggercache.load{success}");
        assertThat(ofPrice).allSatisfy(m -> assertThat(m.getId().getTag("cache")).isEqualTo("shop-prices"));
        assertThat(registry.get("triggercache.gets").tag("name", BANNER).tag("result", "hit").functionCounter().getId().getTag("cache"))
                .isEqualTo(BANNER);                                    // a method's own cache is named after it
        assertThat(registry.get("triggercache.methods").gauge().value()).isEqualTo(3);
    }

    @Test
    void blockDefinedLater_getsItsMeters_atTheNextReadOfTheMethodsGauge() throws Exception {
        String name = "fragment:/post.xhtml:12";
        CachedBlock block = triggercache.engine().define(new BlockDefinition(name, "/post.xhtml line 12", 1, Duration.ZERO, List.of()));
        assertThat(registry.find("triggercache.gets").tag("name", name).meters()).isEmpty();

        assertThat(registry.get("triggercache.methods").gauge().value()).isEqualTo(4);   // as a scrape reads it
        block.get(List.of(42L), List.of(), ignored -> "<li>42</li>", null);             // rendered
        block.get(List.of(42L), List.of(), ignored -> "<li>42</li>", null);             // cache hit
        assertThat(count("triggercache.gets", name, "hit")).isEqualTo(1);
        assertThat(count("triggercache.gets", name, "miss")).isEqualTo(1);
        assertThat(count("triggercache.load", name, "success")).isEqualTo(1);
        assertThat(registry.find("triggercache.gets").tag("name", name).meters()).hasSize(2);
    }

    private double count(String meter, String method, String result) {
        var search = registry.get(meter).tag("name", method);
        if (result != null) {
            search = search.tag("result", result);
        }
        FunctionCounter c = search.functionCounter();
        return c.count();
    }

    private static String resultOf(Meter m) {
        String r = m.getId().getTag("result");
        return r == null ? "" : "{" + r + "}";
    }

    static Set<String> triggercacheMeters(MeterRegistry registry) {
        return registry.getMeters().stream().map(m -> m.getId().getName()).filter(n -> n.startsWith("triggercache."))
                .collect(Collectors.toSet());
    }
}
