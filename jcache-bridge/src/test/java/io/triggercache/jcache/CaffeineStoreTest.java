package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import javax.cache.CacheManager;

import org.junit.jupiter.api.Test;

/** The store contract on Caffeine's JCache provider, tokens in this JVM. */
class CaffeineStoreTest extends StoreContractTest {

    @Override
    protected CacheManager newCacheManager() {
        return TestManagers.caffeine();
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.LOCAL;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        TestManagers.preconfigureCaffeine(manager, name, 1_000);
    }

    @Test
    void region_onCacheItCreates_boundsItToMaxEntries() {
        Region posts = store.region(new RegionSpec("posts", "bounded", 10));

        for (int id = 0; id < 100; id++) {
            load(posts, new Key("posts", id), List.of(id), "post " + id);
        }

        // Caffeine evicts on its maintenance executor, shortly after the writes
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(StreamSupport.stream(manager.getCache("bounded").spliterator(), false).count())
                        .isBetween(1L, 10L));
    }
}
