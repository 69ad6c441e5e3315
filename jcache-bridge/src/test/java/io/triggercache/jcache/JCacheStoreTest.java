package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.Cached;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.util.List;

import javax.cache.CacheManager;

import org.junit.jupiter.api.Test;

/** The entry points of {@link JCacheStore}: the embedded default, the builder, argument checks. */
class JCacheStoreTest {

    private static final StoreContractTest.Key KEY = new StoreContractTest.Key("posts", 1);

    @Test
    void nearMode_isTheBuildersForTheName_elseTheMethodsAnnotation_elseTheStores() {
        CacheManager manager = TestManagers.ehcache();
        try (JCacheStore store = JCacheStore.builder(manager).codec(EhcacheCodecStoreTest.CODEC).near(NearMode.STRICT)
                .near("overridden", NearMode.OFF).build()) {
            store.region(new RegionSpec("asksNear", "entries", 100, Cached.Near.NEAR));
            store.region(new RegionSpec("asksOff", "entries", 100, Cached.Near.OFF));
            store.region(new RegionSpec("overridden", "entries", 100, Cached.Near.NEAR));
            store.region(new RegionSpec("default", "entries", 100));

            assertThat(store.nearMode("asksNear")).isEqualTo(NearMode.NEAR);
            assertThat(store.nearMode("asksOff")).isEqualTo(NearMode.OFF);
            assertThat(store.nearMode("overridden")).isEqualTo(NearMode.OFF);
            assertThat(store.nearMode("default")).isEqualTo(NearMode.STRICT);
        } finally {
            manager.close();
        }
    }

    @Test
    void embedded_store_isEhcacheWithLocalTokens() {
        try (JCacheStore store = JCacheStore.embedded()) {
            assertThat(store.cacheManager().getCachingProvider().getClass().getName()).isEqualTo(TestManagers.EHCACHE);
            assertThat(store.tokenPlacement()).isEqualTo(TokenPlacement.LOCAL);
        }
    }

    @Test
    void embedded_twoStores_haveTheirOwnManagersAndEntries() {
        try (JCacheStore first = JCacheStore.embedded(); JCacheStore second = JCacheStore.embedded()) {
            Region onFirst = first.region(new RegionSpec("posts", "entries", 100));
            Region onSecond = second.region(new RegionSpec("posts", "entries", 100));

            onFirst.put(KEY, onFirst.beginLoad(List.of()), "from the first deployment", Long.MAX_VALUE);

            assertThat(first.cacheManager()).isNotSameAs(second.cacheManager());
            assertThat(first.cacheManager().getURI()).isNotEqualTo(second.cacheManager().getURI());
            assertThat(onSecond.get(KEY)).isNull();
            assertThat(onFirst.get(KEY).value()).isEqualTo("from the first deployment");
        }
    }

    @Test
    void close_ofEmbeddedStore_closesItsManager() {
        JCacheStore store = JCacheStore.embedded();
        CacheManager manager = store.cacheManager();

        store.close();

        assertThat(manager.isClosed()).isTrue();
    }

    @Test
    void get_afterEmbeddedStoreClosed_propagatesTheProvidersException() {
        JCacheStore store = JCacheStore.embedded();
        Region posts = store.region(new RegionSpec("posts", "entries", 100));
        posts.put(KEY, posts.beginLoad(List.of()), "post one", Long.MAX_VALUE);

        store.close();

        assertThatThrownBy(() -> posts.get(KEY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void region_withNonPositiveMaxEntries_isRejectedNamingTheRegion() {
        try (JCacheStore store = JCacheStore.embedded()) {
            assertThatThrownBy(() -> store.region(new RegionSpec("com.acme.Blog.posts", "entries", 0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("region com.acme.Blog.posts: maxEntries must be positive, was 0");
        }
    }

    @Test
    void region_sameNameOnAnotherCache_isRejected() {
        try (JCacheStore store = JCacheStore.embedded()) {
            store.region(new RegionSpec("com.acme.Blog.posts", "entries", 100));

            assertThatThrownBy(() -> store.region(new RegionSpec("com.acme.Blog.posts", "other", 100)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("region com.acme.Blog.posts is already open on cache entries, cannot open it on other");
        }
    }

    @Test
    void region_afterClose_isRejected() {
        JCacheStore store = JCacheStore.embedded();
        store.close();

        assertThatThrownBy(() -> store.region(new RegionSpec("com.acme.Blog.posts", "entries", 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("region com.acme.Blog.posts requested from a closed JCacheStore");
    }

    @Test
    void clear_afterClose_isRejected() {
        JCacheStore store = JCacheStore.embedded();
        store.close();

        assertThatThrownBy(store::clear).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_withNonPositiveMaxTokens_isRejected() {
        try (JCacheStore store = JCacheStore.embedded()) {
            JCacheStore.Builder builder = JCacheStore.builder(store.cacheManager());

            assertThatThrownBy(() -> builder.maxTokens(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxTokens must be positive, was 0");
        }
    }

    @Test
    void builder_withTokensForced_overridesDetection() {
        try (JCacheStore embedded = JCacheStore.embedded()) {
            JCacheStore shared = JCacheStore.builder(embedded.cacheManager()).tokens(TokenPlacement.SHARED).build();
            JCacheStore detected = new JCacheStore(embedded.cacheManager());

            assertThat(shared.tokenPlacement()).isEqualTo(TokenPlacement.SHARED);
            assertThat(detected.tokenPlacement()).isEqualTo(TokenPlacement.LOCAL);
        }
    }
}
