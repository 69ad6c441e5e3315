package io.triggercache.jcache.internal;

import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executor;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;

/**
 * Caffeine JCache specifics: bounded caches held by reference, and the embedded manager. Loaded only where
 * Caffeine's JCache provider is on the class path ({@link Providers#hasCaffeine}). Stateless.
 */
public final class CaffeineSupport {

    /**
     * Runs Caffeine's maintenance (eviction, and listener dispatch) on the calling thread, as {@link LocalTokens}
     * does: not on the common fork-join pool, which an application server does not manage; and a write returns
     * with the size bound already applied.
     */
    private static final Factory<Executor> SAME_THREAD = () -> Runnable::run;

    private CaffeineSupport() {
    }

    /**
     * A new Caffeine JCache manager under a URI of its own ({@code urn:triggercache:embedded:<uuid>}), so that two
     * deployments (or two stores) in one server never share one. Caffeine reads the application's
     * {@code application.conf} for caches declared there ({@code caffeine.jcache.<name>}); the caches the store
     * creates are configured by {@link #byReference}. The caller closes it.
     */
    public static CacheManager newEmbeddedManager() {
        ClassLoader loader = CaffeineSupport.class.getClassLoader();
        URI uri = URI.create("urn:triggercache:embedded:" + UUID.randomUUID());
        return Caching.getCachingProvider(Providers.CAFFEINE, loader).getCacheManager(uri, loader);
    }

    static Configuration<Object, Object> byReference(long maxEntries) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        configuration.setExecutorFactory(SAME_THREAD);
        return configuration;
    }
}
