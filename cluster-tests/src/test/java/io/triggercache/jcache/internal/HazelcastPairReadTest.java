package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.cluster.Clusters;
import io.triggercache.jcache.JCacheStore;

import java.net.URI;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On Hazelcast, a {@code STRICT} hit reads its two tokens with both {@code getAsync} in flight at once
 * (one round trip's time); elsewhere it falls back to two {@code get}s. The store contract suites check
 * that the tokens read are right; this checks which path each provider takes, and the values in order.
 */
class HazelcastPairReadTest {

    private CacheManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void hazelcastCache_readsBothKeysAsync_inTheirOrder_zeroForAMissingOne() {
        manager = Clusters.hazelcastManager(0, URI.create("urn:triggercache:pair:" + UUID.randomUUID()));
        Cache<Object, Object> cache = manager.createCache("pair", new MutableConfiguration<>());
        cache.put("first", Bytes.of(11));
        cache.put("second", Bytes.of(22));

        SharedTokens.PairReader reader = HazelcastSupport.pairReader(cache);
        assertThat(reader).isNotNull();
        long[] into = new long[2];
        reader.read("first", "second", into);
        assertThat(into).containsExactly(11, 22);
        reader.read("second", "missing", into);
        assertThat(into).containsExactly(22, 0);
    }

    @Test
    void otherProvider_hasNoPairReader() {
        try (JCacheStore store = JCacheStore.embedded()) {
            Cache<Object, Object> ehcache = store.cacheManager().createCache("pair-" + UUID.randomUUID(),
                    new MutableConfiguration<>());
            assertThat(HazelcastSupport.pairReader(ehcache)).isNull();
        }
    }
}
