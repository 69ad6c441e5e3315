package com.example.gettingstarted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** JTA transactions: each method commits when it returns; triggercache drops the affected groups after that. */
@ApplicationScoped
public class Writes {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public void newPost(long id, String title) {
        if (em.find(Post.class, id) == null) {
            em.persist(new Post(id, title));
        }
    }

    @Transactional
    public void newComment(long postId, String text) {
        em.persist(new Comment(em.getReference(Post.class, postId), text));
    }
}
