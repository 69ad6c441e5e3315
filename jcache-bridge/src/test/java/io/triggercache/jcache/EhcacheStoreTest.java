package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.util.List;
import java.util.stream.StreamSupport;

import javax.cache.CacheManager;

import org.junit.jupiter.api.Test;

/** The store contract on Ehcache 3 with tokens in this JVM (the embedded default). */
class EhcacheStoreTest extends StoreContractTest {

    @Override
    protected CacheManager newCacheManager() {
        return TestManagers.ehcache();
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.LOCAL;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        TestManagers.preconfigureEhcache(manager, name, 1_000);
    }

    @Test
    void region_onCacheItCreates_boundsItToMaxEntries() {
        Region posts = store.region(new RegionSpec("posts", "bounded", 10));

        for (int id = 0; id < 100; id++) {
            load(posts, new Key("posts", id), List.of(id), "post " + id);
        }

        long stored = StreamSupport.stream(manager.getCache("bounded").spliterator(), false).count();
        assertThat(stored).isBetween(1L, 10L);
    }
}
