package io.triggercache.it.server.shared.payara;

import io.triggercache.it.server.shared.ArticleService;
import io.triggercache.it.server.shared.ProducedStore;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.spi.CacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.cache.CacheManager;

/**
 * The store on Payara, written the way docs/cluster.md tells users to: a {@code CacheStore} producer over the
 * {@code CacheManager} bean, which on Payara is the server's own (its Hazelcast data grid, shared by every instance
 * of the cluster). The values here are strings, which the default codec allows. {@code titleNear} gets the
 * {@code NEAR} mode, the rest the default ({@code STRICT}).
 */
@ApplicationScoped
public class PayaraStoreProducer {

    @Produces
    @ApplicationScoped
    CacheStore store(CacheManager manager) {
        return ProducedStore.remember(JCacheStore.builder(manager).near(ArticleService.TITLE_NEAR, NearMode.NEAR).build(), () -> -1);
    }

    void close(@Disposes CacheStore store) {
        store.close();
    }
}
