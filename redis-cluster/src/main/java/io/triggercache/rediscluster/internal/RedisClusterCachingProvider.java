package io.triggercache.rediscluster.internal;

import java.net.URI;
import java.util.Properties;

import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The provider a {@link io.triggercache.rediscluster.RedisClusterCacheManager} names, so that the JCache store can
 * tell Redis Cluster caches from others. Managers are not created through it (Redis Cluster needs seed nodes, not a
 * URI): use {@code RedisClusterCacheManager.builder(...)}. Not registered with {@code javax.cache.Caching}.
 */
public final class RedisClusterCachingProvider implements CachingProvider {

    public static final RedisClusterCachingProvider INSTANCE = new RedisClusterCachingProvider();
    static final URI DEFAULT_URI = URI.create("redis-cluster:default");

    private RedisClusterCachingProvider() {
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        throw new UnsupportedOperationException("build Redis Cluster managers with RedisClusterCacheManager.builder(seedNodes)");
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return RedisClusterCachingProvider.class.getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return DEFAULT_URI;
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, null);
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(null, null, null);
    }

    @Override
    public void close() {
    }

    @Override
    public void close(ClassLoader classLoader) {
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
    }

    /** No optional feature: Redis stores bytes, so by value only. */
    @Override
    public boolean isSupported(OptionalFeature feature) {
        return false;
    }
}
