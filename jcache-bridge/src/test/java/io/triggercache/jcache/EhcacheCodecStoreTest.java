package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.Region;

import java.util.List;

import javax.cache.Cache;
import javax.cache.CacheManager;

import org.junit.jupiter.api.Test;

/**
 * The store contract with the shared-cache protocol (codec, byte-string keys and values, leases) forced on
 * Ehcache, without a near tier: what every distributed provider runs, checked in the default build.
 */
class EhcacheCodecStoreTest extends StoreContractTest {

    static final SerializationCodec CODEC = SerializationCodec.builder().allowPackage("io.triggercache.jcache").build();

    @Override
    protected CacheManager newCacheManager() {
        return TestManagers.ehcache();
    }

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.codec(CODEC).near(NearMode.OFF);
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.SHARED;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        TestManagers.preconfigureEhcache(manager, name, 1_000);
    }

    @Test
    void put_withCodec_storesOnlyStringsInTheCaches() {
        Region comments = region("comments");
        load(comments, new Key("comments", 1), List.of(1), new Key("a value", 2));

        for (String name : List.of("entries", JCacheStore.TOKEN_CACHE)) {
            Cache<Object, Object> cache = manager.getCache(name);
            for (Cache.Entry<Object, Object> entry : cache) {
                assertThat(entry.getKey()).isInstanceOf(String.class);
                assertThat(entry.getValue()).isInstanceOf(String.class);
            }
        }
        assertThat(valueOf(comments, new Key("comments", 1))).isEqualTo(new Key("a value", 2));
    }
}
