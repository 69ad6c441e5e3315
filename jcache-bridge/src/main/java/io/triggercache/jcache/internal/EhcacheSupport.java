package io.triggercache.jcache.internal;

import java.net.URI;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;

import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;

/** Ehcache 3 specifics: the embedded manager and bounded on-heap caches. Stateless. */
public final class EhcacheSupport {

    private EhcacheSupport() {
    }

    /**
     * A new Ehcache manager under a URI of its own, so that two deployments (or two stores) in one
     * server never share one. The caller closes it.
     */
    public static CacheManager newEmbeddedManager() {
        ClassLoader loader = EhcacheSupport.class.getClassLoader();
        QuietSlf4j.beforeEhcache(loader);
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(Providers.EHCACHE, loader);
        URI uri = URI.create("urn:triggercache:embedded:" + UUID.randomUUID());
        return provider.getCacheManager(uri, ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader).build());
    }

    /**
     * An on-heap cache of at most {@code maxEntries} entries. Built from Ehcache's own configuration,
     * which holds values by reference (a JCache {@code MutableConfiguration} would copy them on every
     * read and write).
     */
    static Configuration<Object, Object> byReference(long maxEntries) {
        return Eh107Configuration.fromEhcacheCacheConfiguration(CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(maxEntries))
                .build());
    }
}
