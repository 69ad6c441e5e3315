package io.triggercache.it.server.shared;

import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cached reads of the two-node WARs. {@code title} uses the store's default near mode ({@code STRICT}),
 * {@code titleNear} the {@code NEAR} mode where the store producer sets it. Both count how often their body runs on
 * this node, next to triggercache's own statistics.
 */
@ApplicationScoped
public class ArticleService {

    public static final String TITLE = "title";
    public static final String TITLE_NEAR = "titleNear";

    static final AtomicLong TITLE_BODY = new AtomicLong();
    static final AtomicLong TITLE_NEAR_BODY = new AtomicLong();

    @PersistenceContext(unitName = "shared")
    EntityManager em;

    @Cached(name = TITLE, suffix = "id", triggers = @Trigger(entity = Article.class, on = UPDATE, suffix = "id"))
    public String title(long id) {
        TITLE_BODY.incrementAndGet();
        return read(id);
    }

    @Cached(name = TITLE_NEAR, suffix = "id", triggers = @Trigger(entity = Article.class, on = UPDATE, suffix = "id"))
    public String titleNear(long id) {
        TITLE_NEAR_BODY.incrementAndGet();
        return read(id);
    }

    /** A scalar query: read from the database, never from the provider's own object cache. */
    String read(long id) {
        return em.createQuery("select a.title from Article a where a.id = :id", String.class).setParameter("id", id).getSingleResult();
    }

    static long bodyCalls(String name) {
        return switch (name) {
            case TITLE -> TITLE_BODY.get();
            case TITLE_NEAR -> TITLE_NEAR_BODY.get();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
