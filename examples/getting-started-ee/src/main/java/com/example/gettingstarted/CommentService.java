package com.example.gettingstarted;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The README's 30-second example, with the container's persistence context. */
@ApplicationScoped
public class CommentService {

    @PersistenceContext
    EntityManager em;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public long commentCount(long postId) {
        return em.createQuery("select count(c) from Comment c where c.post.id = :p", Long.class)
                .setParameter("p", postId).getSingleResult();
    }
}
