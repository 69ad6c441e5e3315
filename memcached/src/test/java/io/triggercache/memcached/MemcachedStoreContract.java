package io.triggercache.memcached;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.jcache.StoreContractTest;
import io.triggercache.jcache.TokenPlacement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The store contract on memcached: three servers of the test's own (Ketama spreads the keys over them), the store
 * under test and the contract's "second store" on two memcached clients, as two nodes would be. Each test gets a
 * key prefix of its own, so tests never see each other's keys.
 */
@Tag("services")
abstract class MemcachedStoreContract extends StoreContractTest {

    static final SerializationCodec CODEC = SerializationCodec.builder().allowPackage("io.triggercache.jcache").build();
    private static final AtomicInteger RUNS = new AtomicInteger();

    static MemcachedServers servers;
    private String prefix;
    private CacheManager second;

    @BeforeAll
    static void startServers() {
        servers = MemcachedServers.start(3);
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }

    /** The near mode under test. */
    protected abstract NearMode mode();

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.codec(CODEC).near(mode()).heartbeat(Duration.ofMillis(100));
    }

    @Override
    protected CacheManager newCacheManager() {
        prefix = "t" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
        second = null;
        return MemcachedCacheManager.builder(servers.addresses()).keyPrefix(prefix).build();
    }

    @Override
    protected CacheManager secondManager() {
        if (second == null) {
            second = MemcachedCacheManager.builder(servers.addresses()).keyPrefix(prefix).build();
        }
        return second;
    }

    @Override
    protected void closeCacheManager(CacheManager manager) {
        try {
            manager.close();
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.SHARED;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        manager.createCache(name, new MutableConfiguration<>());
    }

    /** Removes the surplus tokens, as memcached's LRU would under its memory limit. */
    @Override
    protected void evictTokensForSize(CacheManager manager, long bound) {
        Cache<Object, Object> tokens = manager.getCache(JCacheStore.TOKEN_CACHE);
        List<Object> keys = new ArrayList<>();
        tokens.forEach(entry -> keys.add(entry.getKey()));
        for (int i = 0; i < keys.size() - bound; i++) {
            tokens.remove(keys.get(i));
        }
    }
}
