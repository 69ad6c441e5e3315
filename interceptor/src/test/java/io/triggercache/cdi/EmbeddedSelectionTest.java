package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.triggercache.CacheStatistics;
import io.triggercache.jcache.EmbeddedProvider;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With neither a {@code CacheStore} nor a {@code CacheManager} bean, the deployment opens the embedded store that
 * the system property {@code triggercache.embedded} names: Ehcache 3 by default, Caffeine with {@code caffeine}.
 */
class EmbeddedSelectionTest {

    private final String before = System.getProperty(EmbeddedProvider.PROPERTY);

    @BeforeEach
    void reset() {
        ShopService.prices.clear();
        ShopService.runs.set(0);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(EmbeddedProvider.PROPERTY);
        } else {
            System.setProperty(EmbeddedProvider.PROPERTY, before);
        }
    }

    @Test
    void noStoreBean_propertyCaffeine_entriesGoToAnEmbeddedCaffeineStore() {
        System.setProperty(EmbeddedProvider.PROPERTY, "caffeine");
        assertThat(deployAndHit()).contains("CaffeineCachingProvider", "urn:triggercache:embedded:", "tokens LOCAL",
                "(opened by triggercache)");
    }

    @Test
    void noStoreBean_noProperty_entriesGoToAnEmbeddedEhcacheStore() {
        System.clearProperty(EmbeddedProvider.PROPERTY);
        assertThat(deployAndHit()).contains("EhcacheCachingProvider", "urn:triggercache:embedded:", "tokens LOCAL");
    }

    @Test
    void propertyNamingNoProvider_failsTheDeployment_sayingWhichValuesItTakes() {
        System.setProperty(EmbeddedProvider.PROPERTY, "caffiene");
        Throwable t = catchThrowable(() -> {
            try (WeldContainer c = weld().initialize()) {
                c.select(ShopService.class).get().price(1L);
            }
        });
        assertThat(chain(t)).anyMatch(e -> e instanceof DeploymentException);
        assertThat(String.join("\n", chain(t).stream().map(String::valueOf).toList()))
                .contains("triggercache could not open its store: java.lang.IllegalArgumentException: system property"
                        + " triggercache.embedded=\"caffiene\" names no embedded store provider. It takes \"ehcache\""
                        + " (the default) or \"caffeine\".");
        assertThat(ShopService.runs).hasValue(0);
    }

    /** Deploys, calls {@code price(1)} twice (db hit, cache hit), and answers the engine's summary. */
    private String deployAndHit() {
        try (WeldContainer c = weld().initialize()) {
            ShopService shop = c.select(ShopService.class).get();
            ShopService.prices.put(1L, "1.00");
            assertThat(shop.price(1L)).isEqualTo("1.00");                  // db hit
            assertThat(shop.price(1L)).isEqualTo("1.00");                  // cache hit
            assertThat(ShopService.runs).hasValue(1);
            var stats = c.select(CacheStatistics.class).get().of(ShopService.class.getName() + ".price");
            assertThat(stats.hits()).isEqualTo(1);
            assertThat(stats.misses()).isEqualTo(1);
            assertThat(stats.loads()).isEqualTo(1);
            return c.select(TriggerCacheExtension.class).get().engine().summary();
        }
    }

    private static Weld weld() {
        return new Weld().disableDiscovery().addBeanClasses(ShopService.class, OnlyVisible.class, Moderation.class)
                .addExtension(new TriggerCacheExtension());
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable x = t; x != null && !out.contains(x); x = x.getCause()) {
            out.add(x);
        }
        return out;
    }
}
