package io.triggercache.jcache;

import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;

import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;

/** Fresh, isolated managers of the embedded providers, and caches configured the way applications do. */
final class TestManagers {

    static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";
    static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private TestManagers() {
    }

    /** Ehcache reads any URI but its default one as the address of an XML file: pass a configuration instead. */
    static CacheManager ehcache() {
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(EHCACHE);
        return provider.getCacheManager(uniqueUri(), ConfigurationBuilder.newConfigurationBuilder().build());
    }

    static CacheManager caffeine() {
        return Caching.getCachingProvider(CAFFEINE).getCacheManager(uniqueUri(), TestManagers.class.getClassLoader());
    }

    static void preconfigureEhcache(CacheManager manager, String name, long heapEntries) {
        manager.createCache(name, Eh107Configuration.fromEhcacheCacheConfiguration(CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(heapEntries))));
    }

    static void preconfigureCaffeine(CacheManager manager, String name, long maximumSize) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(maximumSize));
        manager.createCache(name, configuration);
    }

    private static URI uniqueUri() {
        return URI.create("urn:triggercache:test:" + UUID.randomUUID());
    }
}
