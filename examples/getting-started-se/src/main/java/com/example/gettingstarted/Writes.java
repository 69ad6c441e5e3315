package com.example.gettingstarted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/** Resource-local transactions, as a Java SE application writes: begin, work, commit (or roll back). */
@ApplicationScoped
public class Writes {

    @Inject
    EntityManager em;

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.apply(em);
            tx.commit();                                // triggercache drops the affected groups after this returns
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();                          // nothing is dropped
            }
            throw e;
        }
    }

    public long newPost(long id, String title) {
        return inTransaction(em -> {
            Post post = new Post(id, title);
            em.persist(post);
            return post.getId();
        });
    }

    public long newComment(long postId, String text) {
        return inTransaction(em -> {
            Comment comment = new Comment(em.getReference(Post.class, postId), text);
            em.persist(comment);
            return comment.getId();
        });
    }
}
