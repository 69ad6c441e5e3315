package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/** The writes of the blog: {@code @Transactional} CDI methods, each one JTA transaction that commits on return. */
@ApplicationScoped
@Transactional
public class BlogWriter {

    @PersistenceContext(unitName = "blog")
    EntityManager em;
    @Inject
    Event<PriceChanged> prices;
    @Resource
    TransactionSynchronizationRegistry registry;

    public long newPost(String title, boolean published) {
        Post p = new Post(title, published);
        em.persist(p);
        em.flush();
        return p.getId();
    }

    public long addComment(long postId, String text) {
        Comment c = new Comment(text, em.getReference(Post.class, postId));
        em.persist(c);
        em.flush();
        return c.getId();
    }

    public void setTitle(long postId, String title) {
        em.find(Post.class, postId).setTitle(title);
    }

    public void setPublished(long postId, boolean published) {
        em.find(Post.class, postId).setPublished(published);
    }

    public void moveComment(long commentId, long toPostId) {
        em.find(Comment.class, commentId).setPost(em.find(Post.class, toPostId));
    }

    public long addNote(long postId, String text) {
        Note n = new Note(text, em.getReference(Post.class, postId));
        em.persist(n);
        em.flush();
        return n.getId();
    }

    /** Loads the note (its LAZY post is not loaded), then moves it. */
    public void moveNote(long noteId, long toPostId) {
        em.find(Note.class, noteId).setPost(em.find(Post.class, toPostId));
    }

    public void deleteComment(long commentId) {
        em.remove(em.find(Comment.class, commentId));
    }

    /** Fires the event inside this transaction: the engine keeps it pending until the commit. */
    public void priceChanged(long productId, String price) {
        BlogQueries.PRICES.put(productId, price);
        prices.fire(new PriceChanged(productId));
    }

    /** Runs {@code work} in this transaction, then marks it rollback-only: nothing it did may stay. */
    public <T> T thenRollbackOnly(Function<EntityManager, T> work) {
        T result = work.apply(em);
        registry.setRollbackOnly();
        return result;
    }

    /** Runs {@code work} in this transaction, then throws: the transaction rolls back. */
    public <T> T thenFail(Function<EntityManager, T> work) {
        work.apply(em);
        throw new IllegalStateException("rolled back on purpose");
    }

    /** Runs {@code work} in this transaction, which commits on return. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
