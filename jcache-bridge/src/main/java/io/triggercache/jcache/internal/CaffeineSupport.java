package io.triggercache.jcache.internal;

import java.util.OptionalLong;

import javax.cache.configuration.Configuration;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;

/** Caffeine JCache specifics: bounded caches held by reference. Stateless. */
final class CaffeineSupport {

    private CaffeineSupport() {
    }

    static Configuration<Object, Object> byReference(long maxEntries) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        return configuration;
    }
}
