package io.triggercache.jcache.internal;

import javax.cache.Cache;
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

    /** The class name of the memcached store's JSR-107 provider (triggercache-memcached). */
    public static final String MEMCACHED = "io.triggercache.memcached.internal.MemcachedCachingProvider";

    /** The class name of the Redis Cluster store's JSR-107 provider (triggercache-redis-cluster). */
    public static final String REDIS_CLUSTER = "io.triggercache.rediscluster.internal.RedisClusterCachingProvider";

    /** The class name of Infinispan's embedded JSR-107 provider. */
    public static final String INFINISPAN = "org.infinispan.jcache.embedded.JCachingProvider";

    private Providers() {
    }

    /** Whether the manager's caches live in this JVM only, so that tokens may be held in this JVM too. */
    public static boolean isLocal(CacheManager manager) {
        String provider = providerClass(manager);
        return EHCACHE.equals(provider) || CAFFEINE.equals(provider);
    }

    /**
     * A configuration for a cache of at most {@code maxEntries} entries held by reference: Ehcache's own
     * configuration with a heap bound, Caffeine's with a maximum size; on Hazelcast its {@code CacheConfig} with
     * an {@code ENTRY_COUNT} eviction of {@code maxEntries} per member (Hazelcast holds values by value); for any
     * other provider a plain {@link MutableConfiguration}, by reference when the provider supports it, and
     * bounded only by what the provider applies to it (Infinispan: the configuration template matching the
     * cache's name; Redisson: nothing). See {@link #isBounded}.
     */
    public static Configuration<Object, Object> byReference(CacheManager manager, long maxEntries) {
        return switch (providerClass(manager)) {
            case EHCACHE -> EhcacheSupport.byReference(maxEntries);
            case CAFFEINE -> CaffeineSupport.byReference(maxEntries);
            default -> HazelcastBounds.isHazelcast(manager) ? HazelcastBounds.bounded(maxEntries)
                    : plain(manager.getCachingProvider());
        };
    }

    /**
     * Whether a cache that {@link #byReference} configured is bounded in size: true on Ehcache, Caffeine and
     * Hazelcast (also where Hazelcast's classes are not visible, as on Payara: Hazelcast's default eviction,
     * 10,000 entries per member, applies to a plain configuration); on Infinispan, whether its configuration (from the template matching its name) has a
     * {@code memory max-count} or {@code max-size}; false on Redisson, whose JCache caches have no size bound;
     * false for any other provider, where a plain JCache configuration carries none.
     */
    public static boolean isBounded(CacheManager manager, Cache<Object, Object> created) {
        String provider = providerClass(manager);
        if (EHCACHE.equals(provider) || CAFFEINE.equals(provider) || HazelcastBounds.isHazelcast(manager)) {
            return true;
        }
        if (provider.startsWith("com.hazelcast.") || provider.startsWith("fish.payara.")) {
            // Hazelcast whose classes this class cannot see (Payara's): byReference gave a plain configuration,
            // to which Hazelcast applies its default eviction (ENTRY_COUNT 10,000 per member, LRU)
            return true;
        }
        if (INFINISPAN.equals(provider)) {
            return Boolean.TRUE.equals(InfinispanBounds.isBounded(created));
        }
        return false;
    }

    private static Configuration<Object, Object> plain(CachingProvider provider) {
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
        if (provider.isSupported(OptionalFeature.STORE_BY_REFERENCE)) {
            configuration.setStoreByValue(false);
        }
        return configuration;
    }

    /** Whether Caffeine's JCache provider is visible to the class loader that loaded this class. */
    public static boolean hasCaffeine() {
        try {
            Class.forName(CAFFEINE, false, Providers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The version of the Caffeine the library uses for its token map (its jar's {@code Implementation-Version}), which
     * Caffeine's JCache must match; {@code "(the same version as com.github.ben-manes.caffeine:caffeine)"} if the jar
     * does not say.
     */
    public static String caffeineVersion() {
        String version = com.github.benmanes.caffeine.cache.Caffeine.class.getPackage().getImplementationVersion();
        return version != null ? version : "(the same version as com.github.ben-manes.caffeine:caffeine)";
    }

    /** The class name of the manager's provider, or "" if it has none. */
    public static String providerClass(CacheManager manager) {
        CachingProvider provider = manager.getCachingProvider();
        return provider == null ? "" : provider.getClass().getName();
    }
}
