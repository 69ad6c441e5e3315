package io.triggercache.jcache.internal;

import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * What the store knows about JCache providers: which ones are local to this JVM, and how to create a
 * bounded, store-by-reference cache in each.
 *
 * <p>Provider classes are only touched through {@link EhcacheSupport} and {@link CaffeineSupport}, which
 * are loaded when the manager belongs to that provider; an application that brings another provider
 * does not need Ehcache or Caffeine's JCache on its class path. Stateless.
 */
public final class Providers {

    /** The class name of Ehcache 3's JSR-107 provider. */
    public static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";

    /** The class name of Caffeine's JSR-107 provider. */
    public static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    /** The class name of Redisson's JSR-107 provider. */
    public static final String REDISSON = "org.redisson.jcache.JCachingProvider";

    private Providers() {
    }

    /** Whether the manager's caches live in this JVM only, so that tokens may be held in this JVM too. */
    public static boolean isLocal(CacheManager manager) {
        String provider = providerClass(manager);
        return EHCACHE.equals(provider) || CAFFEINE.equals(provider);
    }

    /**
     * A configuration for a cache of at most {@code maxEntries} entries held by reference: Ehcache's own
     * configuration with a heap bound, Caffeine's with a maximum size; for any other provider a plain
     * {@link MutableConfiguration}, by reference when the provider supports it and unbounded (such
     * caches should be configured in the provider, ahead of time).
     */
    public static Configuration<Object, Object> byReference(CacheManager manager, long maxEntries) {
        return switch (providerClass(manager)) {
            case EHCACHE -> EhcacheSupport.byReference(maxEntries);
            case CAFFEINE -> CaffeineSupport.byReference(maxEntries);
            default -> plain(manager.getCachingProvider());
        };
    }

    private static Configuration<Object, Object> plain(CachingProvider provider) {
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
        if (provider.isSupported(OptionalFeature.STORE_BY_REFERENCE)) {
            configuration.setStoreByValue(false);
        }
        return configuration;
    }

    /** The class name of the manager's provider, or "" if it has none. */
    public static String providerClass(CacheManager manager) {
        CachingProvider provider = manager.getCachingProvider();
        return provider == null ? "" : provider.getClass().getName();
    }
}
