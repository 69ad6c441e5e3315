package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.MaxSizePolicy;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.spi.RegionSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheManager;

import org.infinispan.jcache.embedded.JCachingProvider;
import org.junit.jupiter.api.Test;

/**
 * The caches the store creates on shared providers are bounded in the provider's own terms (Hazelcast), or the
 * store refuses to create an unbounded token cache and says what to configure (Infinispan without a bound).
 */
class ProviderBoundsTest {

    @Test
    void hazelcast_cachesTheStoreCreates_evictAtTheRegionsBoundAndMaxTokens() {
        CacheManager manager = Clusters.hazelcast().manager(0, URI.create("urn:triggercache:test:" + UUID.randomUUID()));
        JCacheStore store = JCacheStore.builder(manager).codec(SerializationCodec.defaults()).maxTokens(20_000).build();
        try {
            store.region(new RegionSpec("posts", "bounds-entries", 5_000));

            assertThat(eviction(manager.getCache("bounds-entries"))).satisfies(e -> {
                assertThat(e.getMaxSizePolicy()).isEqualTo(MaxSizePolicy.ENTRY_COUNT);
                assertThat(e.getSize()).isEqualTo(5_000);              // Hazelcast's own default is 10,000
            });
            assertThat(eviction(manager.getCache(JCacheStore.TOKEN_CACHE)).getSize()).isEqualTo(20_000);
        } finally {
            store.close();
            destroy(manager, "bounds-entries");
            destroy(manager, JCacheStore.TOKEN_CACHE);
            manager.close();
        }
    }

    @Test
    void infinispan_templateWithoutBound_theStoreRefusesToCreateTheTokenCache() throws IOException {
        CacheManager manager = infinispan("");
        JCacheStore store = JCacheStore.builder(manager).codec(SerializationCodec.defaults()).build();
        try {
            assertThatThrownBy(() -> store.region(new RegionSpec("posts", "entries", 100)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the token cache " + JCacheStore.TOKEN_CACHE + " would be unbounded")
                    .hasMessageContaining("<memory max-count=\"" + JCacheStore.DEFAULT_SHARED_MAX_TOKENS + "\" when-full=\"REMOVE\"/>");
            assertThat(manager.getCache(JCacheStore.TOKEN_CACHE)).as("the unbounded token cache, left behind").isNull();
        } finally {
            store.close();
            manager.close();
        }
    }

    @Test
    void infinispan_templateWithBound_theStoreCreatesTheTokenCache() throws IOException {
        CacheManager manager = infinispan("<memory max-count=\"1000\" when-full=\"REMOVE\"/>");
        JCacheStore store = JCacheStore.builder(manager).codec(SerializationCodec.defaults()).build();
        try {
            var region = store.region(new RegionSpec("posts", "entries", 100));
            region.put("k", region.beginLoad(java.util.List.of()), "v", Long.MAX_VALUE);

            assertThat(region.get("k").value()).isEqualTo("v");
            assertThat(manager.getCache(JCacheStore.TOKEN_CACHE).unwrap(org.infinispan.Cache.class)
                    .getCacheConfiguration().memory().maxCount()).isEqualTo(1000);
        } finally {
            store.close();
            manager.close();
        }
    }

    private static EvictionConfig eviction(Cache<Object, Object> cache) {
        @SuppressWarnings("unchecked")
        CacheConfig<Object, Object> configuration = cache.getConfiguration(CacheConfig.class);
        return configuration.getEvictionConfig();
    }

    private static void destroy(CacheManager manager, String name) {
        if (!manager.isClosed() && manager.getCache(name) != null) {
            manager.destroyCache(name);
        }
    }

    /** A local (not clustered) Infinispan whose template for every cache name holds {@code memory}. */
    private static CacheManager infinispan(String memory) throws IOException {
        Path file = Files.createDirectories(Path.of("target", "infinispan")).resolve("bounds-" + UUID.randomUUID() + ".xml");
        Files.writeString(file, """
                <infinispan xmlns="urn:infinispan:config:15.2">
                  <cache-container name="bounds-%s" default-cache="default">
                    <local-cache name="default"/>
                    <local-cache-configuration name="*">%s</local-cache-configuration>
                  </cache-container>
                </infinispan>
                """.formatted(UUID.randomUUID(), memory));
        return new JCachingProvider().getCacheManager(file.toAbsolutePath().toUri(), ProviderBoundsTest.class.getClassLoader());
    }
}
