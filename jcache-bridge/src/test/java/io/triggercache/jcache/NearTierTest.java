package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.time.Duration;
import java.util.List;

import javax.cache.Cache;
import javax.cache.CacheManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The near tier under the shared-cache protocol: what a {@link NearMode#NEAR} hit costs in store reads, how
 * another store's invalidation reaches it, and how it stops serving when the token cache goes quiet.
 */
class NearTierTest {

    private static final StoreContractTest.Key KEY = new StoreContractTest.Key("posts", 1);

    private final CacheManager manager = TestManagers.ehcache();

    private JCacheStore store(NearMode mode) {
        return JCacheStore.builder(manager).codec(EhcacheCodecStoreTest.CODEC).near(mode)
                .heartbeat(Duration.ofMillis(50)).build();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void nearHit_readsNothingFromTheSharedCaches() {
        JCacheStore store = store(NearMode.NEAR);
        Region posts = store.region(new RegionSpec("posts", "entries", 100));
        posts.put(KEY, posts.beginLoad(List.of()), "post one", Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> posts.get(KEY) != null);   // heartbeat heard

        manager.getCache("entries").clear();                    // the shared entry is gone
        assertThat(posts.get(KEY).value()).isEqualTo("post one");   // served from the near tier alone
        store.close();
    }

    @Test
    void strictHit_isRejectedAsSoonAsAnotherStoreInvalidates() {
        JCacheStore a = store(NearMode.STRICT);
        JCacheStore b = store(NearMode.STRICT);
        Region onA = a.region(new RegionSpec("posts", "entries", 100));
        Region onB = b.region(new RegionSpec("posts", "entries", 100));
        onA.put(KEY, onA.beginLoad(List.of(7)), "post one", Long.MAX_VALUE);
        assertThat(onA.get(KEY).value()).isEqualTo("post one");    // held in A's near tier

        onB.invalidateGroup(List.of(7));

        assertThat(onA.get(KEY)).isNull();                       // checked against the shared tokens: at once
        a.close();
        b.close();
    }

    @Test
    void nearHit_isDroppedWhenAnotherStoresInvalidationArrives() {
        JCacheStore a = store(NearMode.NEAR);
        JCacheStore b = store(NearMode.NEAR);
        Region onA = a.region(new RegionSpec("posts", "entries", 100));
        Region onB = b.region(new RegionSpec("posts", "entries", 100));
        onA.put(KEY, onA.beginLoad(List.of(7)), "post one", Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> onA.get(KEY) != null);

        onB.invalidateGroup(List.of(7));

        await().atMost(Duration.ofSeconds(5)).until(() -> onA.get(KEY) == null);   // the event arrived
        a.close();
        b.close();
    }

    @Test
    void nearTier_cutOffFromTheTokenCache_stopsServingWithinTheHeartbeat() {
        JCacheStore store = store(NearMode.NEAR);
        Region posts = store.region(new RegionSpec("posts", "entries", 100));
        posts.put(KEY, posts.beginLoad(List.of()), "post one", Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> posts.get(KEY) != null);
        Cache<Object, Object> tokens = manager.getCache(JCacheStore.TOKEN_CACHE);

        tokens.close();                                          // no more heartbeats, no more events

        // within a few heartbeat periods the local copy is no longer served: the call goes to the shared
        // cache, whose failure the engine turns into a call of the method
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThatThrownBy(() -> posts.get(KEY)).isInstanceOf(IllegalStateException.class));
        store.close();
    }
}
