package io.triggercache.benchmarks.support;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;

/**
 * The two in-JVM JCache providers every benchmark runs on, with the cache configuration all contenders
 * share: on heap, bounded, values held by reference. This is the configuration the library's
 * {@code JCacheStore} creates for its own caches, restated here (not borrowed from the library's internals)
 * so that the anchors' caches are built the same way by independent code.
 */
public enum Provider {

    /** Ehcache 3 (the library's embedded default). */
    EHCACHE("org.ehcache.jsr107.EhcacheCachingProvider"),

    /** Caffeine's JSR-107 provider. */
    CAFFEINE("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");

    private final String providerClass;

    Provider(String providerClass) {
        this.providerClass = providerClass;
    }

    /** The provider named by a JMH parameter value ({@code ehcache}, {@code caffeine}). */
    public static Provider of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** A new manager of this provider under a URI of its own, so that no two contenders share one. */
    public CacheManager newManager(String label) {
        ClassLoader loader = Provider.class.getClassLoader();
        URI uri = URI.create("urn:triggercache-benchmarks:" + label + ":" + UUID.randomUUID());
        CachingProvider provider = Caching.getCachingProvider(providerClass, loader);
        if (provider instanceof EhcacheCachingProvider ehcache) {
            // Ehcache reads any other URI than its default as the address of an XML configuration
            return ehcache.getCacheManager(uri, ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader).build());
        }
        return provider.getCacheManager(uri, loader);
    }

    /** Creates a cache of at most {@code maxEntries} entries held by reference. */
    public Cache<Object, Object> createCache(CacheManager manager, String name, long maxEntries) {
        return manager.createCache(name, configuration(maxEntries));
    }

    private Configuration<Object, Object> configuration(long maxEntries) {
        if (this == EHCACHE) {
            return Eh107Configuration.fromEhcacheCacheConfiguration(CacheConfigurationBuilder
                    .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(maxEntries))
                    .build());
        }
        CaffeineConfiguration<Object, Object> c = new CaffeineConfiguration<>();
        c.setStoreByValue(false);
        c.setMaximumSize(OptionalLong.of(maxEntries));
        return c;
    }

    /** The lower-case name used in JMH parameters and tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
