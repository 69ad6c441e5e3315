package io.triggercache.memcached.internal;

import java.net.URI;
import java.util.Properties;

import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The provider a {@link io.triggercache.memcached.MemcachedCacheManager} names, so that the JCache store can
 * tell memcached caches from others. Managers are not created through it (memcached needs a server list, not a
 * URI): use {@code MemcachedCacheManager.builder(...)}. Not registered with {@code javax.cache.Caching}.
 */
public final class MemcachedCachingProvider implements CachingProvider {

    public static final MemcachedCachingProvider INSTANCE = new MemcachedCachingProvider();
    static final URI DEFAULT_URI = URI.create("memcached:default");

    private MemcachedCachingProvider() {
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        throw new UnsupportedOperationException("build memcached managers with MemcachedCacheManager.builder(servers)");
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return MemcachedCachingProvider.class.getClassLoader();
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

    /** No optional feature: memcached stores bytes, so by value only. */
    @Override
    public boolean isSupported(OptionalFeature feature) {
        return false;
    }
}
