package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import io.triggercache.testing.FaultyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application chooses the store: its own CacheStore, or its own JCache CacheManager (any provider). */
class StoreSelectionTest {

    static final CacheManager CAFFEINE = Caching.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
            .getCacheManager(URI.create("store-selection-test"), StoreSelectionTest.class.getClassLoader());
    static final FaultyStore FAULTY = new FaultyStore(JCacheStore.embedded());

    @ApplicationScoped
    static class ManagerProducer {
        @Produces
        CacheManager manager() {
            return CAFFEINE;
        }
    }

    @ApplicationScoped
    static class StoreProducer {
        @Produces
        CacheStore store() {
            return FAULTY;
        }
    }

    @BeforeEach
    void reset() {
        ShopService.prices.clear();
        ShopService.runs.set(0);
        ReportService.runs.set(0);
    }

    @Test
    void applicationCacheManager_isUsedForTheEntries() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(ShopService.class, OnlyVisible.class, Moderation.class, ManagerProducer.class)
                .addExtension(new TriggerCacheExtension()).initialize()) {
            ShopService shop = c.select(ShopService.class).get();
            shop.price(1L);
            shop.price(1L);                                            // cache hit
            assertThat(ShopService.runs).hasValue(1);
            assertThat(CAFFEINE.getCache(ShopService.class.getName() + ".price")).isNotNull();
        }
    }

    @Test
    void cacheManagerBeanNotLoadedByTheApplication_isNotAdopted_theEmbeddedStoreIsUsed() throws Exception {
        // the deployment's class loader is a child of the one that loaded ManagerProducer: as with a server's
        // own CacheManager bean (Payara's Hazelcast), the bean class is not the application's
        ClassLoader test = Thread.currentThread().getContextClassLoader();
        String cacheName = ShopService.class.getName() + ".price";
        CAFFEINE.destroyCache(cacheName);
        try (java.net.URLClassLoader deployment = new java.net.URLClassLoader(new java.net.URL[0], test)) {
            Thread.currentThread().setContextClassLoader(deployment);
            try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(ShopService.class, OnlyVisible.class, Moderation.class, ManagerProducer.class)
                    .addExtension(new TriggerCacheExtension()).initialize()) {
                ShopService shop = c.select(ShopService.class).get();
                shop.price(1L);
                shop.price(1L);                                        // cache hit, in the embedded store
                assertThat(ShopService.runs).hasValue(1);
                assertThat(CAFFEINE.getCache(cacheName)).isNull();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(test);
        }
    }

    @Test
    void applicationCacheStore_failing_neverFailsTheCall() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(ShopService.class, OnlyVisible.class, Moderation.class, StoreProducer.class)
                .addExtension(new TriggerCacheExtension()).initialize()) {
            ShopService shop = c.select(ShopService.class).get();
            CacheStatistics stats = c.select(CacheStatistics.class).get();
            FAULTY.down();
            ShopService.prices.put(1L, "1.00");
            assertThat(shop.price(1L)).isEqualTo("1.00");              // store down: db hit, no exception
            assertThat(shop.price(1L)).isEqualTo("1.00");
            FAULTY.up();
            shop.price(1L);                                            // db hit, stored
            shop.price(1L);                                            // cache hit
            assertThat(ShopService.runs).hasValue(3);
            assertThat(stats.of(ShopService.class.getName() + ".price").errors()).isEqualTo(2);
        }
    }
}
