package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** An EJB doing writes with container-managed transactions (REQUIRED): the other way servers run writes. */
@Stateless
public class PostArchive {

    @PersistenceContext(unitName = "blog")
    EntityManager em;

    /** Deletes a post with its comments, in one transaction. */
    public void delete(long postId) {
        em.createQuery("select c from Comment c where c.post.id = :p", Comment.class).setParameter("p", postId)
                .getResultList().forEach(em::remove);
        em.remove(em.find(Post.class, postId));
    }

    /** Adds a comment, then fails with a system exception: the container rolls the transaction back. */
    public void addCommentAndFail(long postId, String text) {
        em.persist(new Comment(text, em.find(Post.class, postId)));
        em.flush();
        throw new IllegalStateException("rolled back on purpose");
    }
}
