package com.example.gettingstarted;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The README's 30-second example, unchanged. */
@ApplicationScoped
public class CommentService {

    @Inject
    EntityManager em;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public long commentCount(long postId) {
        return em.createQuery("select count(c) from Comment c where c.post.id = :p", Long.class)
                .setParameter("p", postId).getSingleResult();
    }
}
