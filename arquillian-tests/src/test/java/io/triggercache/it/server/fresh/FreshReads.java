package io.triggercache.it.server.fresh;

import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The cached reads of the freshness stories: a post's title read through the container's transaction-scoped
 * persistence context, by {@code find} and by a query returning the entity. Inside a transaction whose persistence
 * context already holds the post, both return the post as that context holds it, whatever the database says now.
 */
@ApplicationScoped
public class FreshReads {

    @PersistenceContext(unitName = "blog")
    EntityManager em;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, on = UPDATE, suffix = "id", properties = "title"))
    public String title(long postId) {
        return em.find(Post.class, postId).getTitle();
    }

    /** The title through a JPQL query selecting the entity: a managed post is returned as it is, not refreshed. */
    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, on = UPDATE, suffix = "id", properties = "title"))
    public String titleQueried(long postId) {
        return em.createQuery("select p from Post p where p.id = :id", Post.class).setParameter("id", postId).getSingleResult().getTitle();
    }
}
