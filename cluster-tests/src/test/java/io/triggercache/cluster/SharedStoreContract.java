package io.triggercache.cluster;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.jcache.StoreContractTest;
import io.triggercache.jcache.TokenPlacement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

/**
 * The store contract on a distributed provider: the store under test on one node, the "second store" of
 * the contract on another node of the same cluster, entries and tokens as strings through the codec.
 */
abstract class SharedStoreContract extends StoreContractTest {

    static final SerializationCodec CODEC = SerializationCodec.builder().allowPackage("io.triggercache.jcache").build();

    /** The near mode under test. */
    protected abstract NearMode mode();

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.codec(CODEC).near(mode()).heartbeat(Duration.ofMillis(100));
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.SHARED;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        manager.createCache(name, new MutableConfiguration<>());
    }

    @Override
    protected void evictTokensForSize(CacheManager manager, long bound) {
        javax.cache.Cache<Object, Object> tokens = manager.getCache(JCacheStore.TOKEN_CACHE);
        List<Object> keys = new ArrayList<>();
        tokens.forEach(entry -> keys.add(entry.getKey()));
        for (int i = 0; i < keys.size() - bound; i++) {
            tokens.remove(keys.get(i));
        }
    }

    /** Destroys every cache the test left, so the next test starts empty. */
    static void destroyCaches(CacheManager manager) {
        List<String> names = new ArrayList<>();
        manager.getCacheNames().forEach(names::add);
        for (String name : names) {
            manager.destroyCache(name);
        }
    }
}
