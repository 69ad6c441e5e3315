package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;

import java.util.List;
import java.util.stream.StreamSupport;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.expiry.EternalExpiryPolicy;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded store on each provider it offers ({@link EmbeddedProvider}), chosen by one setting: the same
 * manager of its own, the same bounds applied on the writing thread, the same expiry (none by the provider: the
 * engine's {@code ttl}, carried as {@code expiresAt}).
 */
class EmbeddedStoreTest {

    private final String before = System.getProperty(EmbeddedProvider.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(EmbeddedProvider.PROPERTY);
        } else {
            System.setProperty(EmbeddedProvider.PROPERTY, before);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void embedded_opensAManagerOfItsOwnOnThatProvider_withLocalTokens_andClosesIt(EmbeddedProvider provider) {
        JCacheStore store = JCacheStore.embedded(provider);
        JCacheStore other = JCacheStore.embedded(provider);
        try {
            assertThat(store.cacheManager().getCachingProvider().getClass().getName()).isEqualTo(providerClass(provider));
            assertThat(store.tokenPlacement()).isEqualTo(TokenPlacement.LOCAL);
            assertThat(store.codec()).isNull();
            assertThat(store.cacheManager().getURI().toString()).startsWith("urn:triggercache:embedded:");
            assertThat(store.cacheManager().getURI()).isNotEqualTo(other.cacheManager().getURI());
        } finally {
            other.close();
            store.close();
        }
        assertThat(store.cacheManager().isClosed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void region_onEmbeddedStore_holdsAtMostMaxEntries_afterEveryPut(EmbeddedProvider provider) {
        try (JCacheStore store = JCacheStore.embedded(provider)) {
            Region posts = store.region(new RegionSpec("posts", "bounded", 10));
            Cache<Object, Object> cache = store.cacheManager().getCache("bounded");

            for (int id = 0; id < 100; id++) {
                posts.put(id, posts.beginLoad(List.of(id)), "post " + id, Long.MAX_VALUE);
                // both providers evict on the writing thread: the bound holds when put returns, no waiting
                assertThat(count(cache)).as("entries after put #%d", id).isBetween(1L, 10L);
            }
            int hits = 0;
            int misses = 0;
            for (int id = 0; id < 100; id++) {
                StoredValue v = posts.get(id);
                if (v == null) {
                    misses++;
                } else {
                    hits++;
                    assertThat(v.value()).isEqualTo("post " + id);
                }
            }
            assertThat(hits).isBetween(1, 10);
            assertThat(misses).isEqualTo(100 - hits);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void put_withExpiresAt_isServedWithIt_andTheProviderExpiresNothingItself(EmbeddedProvider provider) {
        try (JCacheStore store = JCacheStore.embedded(provider)) {
            Region posts = store.region(new RegionSpec("posts", "expiring", 10));
            posts.put("k", posts.beginLoad(List.of()), "v", 1_700_000_600_000L);

            StoredValue hit = posts.get("k");
            assertThat(hit.value()).isEqualTo("v");
            assertThat(hit.expiresAt()).isEqualTo(1_700_000_600_000L);   // the engine compares it with its clock
            Cache<Object, Object> cache = store.cacheManager().getCache("expiring");
            if (provider == EmbeddedProvider.CAFFEINE) {
                @SuppressWarnings("unchecked")
                CaffeineConfiguration<Object, Object> c = cache.getConfiguration(CaffeineConfiguration.class);
                assertThat(c.getExpiryPolicyFactory().create()).isInstanceOf(EternalExpiryPolicy.class);
                assertThat(c.getExpireAfterWrite()).isEmpty();
                assertThat(c.getExpireAfterAccess()).isEmpty();
                assertThat(c.getRefreshAfterWrite()).isEmpty();
                assertThat(c.getMaximumSize()).hasValue(10);
            } else {
                org.ehcache.Cache<?, ?> ehcache = cache.unwrap(org.ehcache.Cache.class);
                assertThat(ehcache.getRuntimeConfiguration().getExpiryPolicy())
                        .isSameAs(org.ehcache.expiry.ExpiryPolicy.NO_EXPIRY);
                assertThat(ehcache.getRuntimeConfiguration().getResourcePools()
                        .getPoolForResource(org.ehcache.config.ResourceType.Core.HEAP).getSize()).isEqualTo(10);
            }
        }
    }

    @Test
    void embedded_withoutTheProperty_isEhcache() {
        System.clearProperty(EmbeddedProvider.PROPERTY);
        try (JCacheStore store = JCacheStore.embedded()) {
            assertThat(store.cacheManager().getCachingProvider().getClass().getName()).isEqualTo(TestManagers.EHCACHE);
        }
    }

    @Test
    void embedded_withPropertyCaffeine_isCaffeine() {
        System.setProperty(EmbeddedProvider.PROPERTY, " Caffeine ");
        try (JCacheStore store = JCacheStore.embedded()) {
            assertThat(store.cacheManager().getCachingProvider().getClass().getName()).isEqualTo(TestManagers.CAFFEINE);
            assertThat(store.toString()).contains("CaffeineCachingProvider", "tokens LOCAL");
        }
    }

    @Test
    void embedded_withPropertyNamingNoProvider_failsSayingWhichValuesItTakes() {
        System.setProperty(EmbeddedProvider.PROPERTY, "hazelcast");
        assertThatThrownBy(JCacheStore::embedded)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property triggercache.embedded=\"hazelcast\" names no embedded store provider."
                        + " It takes \"ehcache\" (the default) or \"caffeine\". Fix the value, or remove the property"
                        + " to use Ehcache 3.");
    }

    @Test
    void parse_blankOrNull_isEhcache() {
        assertThat(EmbeddedProvider.parse(null)).isEqualTo(EmbeddedProvider.EHCACHE);
        assertThat(EmbeddedProvider.parse("  ")).isEqualTo(EmbeddedProvider.EHCACHE);
        assertThat(EmbeddedProvider.parse("EHCACHE")).isEqualTo(EmbeddedProvider.EHCACHE);
    }

    static String providerClass(EmbeddedProvider provider) {
        return provider == EmbeddedProvider.CAFFEINE ? TestManagers.CAFFEINE : TestManagers.EHCACHE;
    }

    private static long count(Cache<Object, Object> cache) {
        return StreamSupport.stream(cache.spliterator(), false).count();
    }

    @Test
    void caffeineMissing_failsWithTheDependencyToAdd() throws Exception {
        // the class loader of the library's classes hides Caffeine's JCache (but not Caffeine itself, which the
        // token map needs): as in a deployment that sets the property without adding the dependency
        Class<?> hiddenStore = io.triggercache.jcache.internal.WithoutCaffeineJCache.load(JCacheStore.class);
        Class<?> hiddenEnum = hiddenStore.getClassLoader().loadClass(EmbeddedProvider.class.getName());
        Object caffeine = hiddenEnum.getField("CAFFEINE").get(null);
        java.lang.reflect.Method embedded = hiddenStore.getMethod("embedded", hiddenEnum);

        assertThatThrownBy(() -> {
            try {
                embedded.invoke(null, caffeine);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(CacheException.class)
                .hasMessage("the embedded store on Caffeine (triggercache.embedded=caffeine) needs Caffeine's JCache"
                        + " provider com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider, which is not on"
                        + " the class path. Add com.github.ben-manes.caffeine:jcache 3.2.2 (the version of Caffeine on the"
                        + " class path) to the application, or remove the property to use Ehcache 3.");
    }
}
