package io.triggercache.it.server.shared.payara;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.annotation.CacheResult;

/**
 * The same read as {@code ArticleService.title}, cached with JSR-107's {@code @CacheResult}, which Payara's own
 * interceptors serve from its Hazelcast JCache: the anchor for the cost of a hit.
 */
@ApplicationScoped
public class Jsr107Titles {

    static final AtomicLong BODY = new AtomicLong();

    @PersistenceContext(unitName = "shared")
    EntityManager em;

    @CacheResult(cacheName = "tc-it-jsr107-titles")
    public String title(long id) {
        BODY.incrementAndGet();
        return em.createQuery("select a.title from Article a where a.id = :id", String.class).setParameter("id", id).getSingleResult();
    }
}
