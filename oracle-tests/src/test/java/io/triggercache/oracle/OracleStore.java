package io.triggercache.oracle;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The oracle's store: the embedded Ehcache store the library would open by itself, with its drops counted. */
@ApplicationScoped
public class OracleStore {

    @Produces
    @ApplicationScoped
    CacheStore store() {
        return CountingStore.wrap(JCacheStore.embedded());
    }

    void close(@Disposes CacheStore store) {
        store.close();
    }
}
