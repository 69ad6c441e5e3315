package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cached reads of the blog, on the container's persistence context (transaction-scoped, JTA). */
@ApplicationScoped
public class BlogQueries {

    /** Prices from a system outside the database. */
    public static final Map<Long, String> PRICES = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "blog")
    EntityManager em;

    @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
    public List<String> latestTitles() {
        return em.createQuery("select p.title from Post p order by p.id desc", String.class).setMaxResults(5).getResultList();
    }

    @Cached(suffix = "post.id", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
    public List<String> comments(Post post) {
        return em.createQuery("select c.text from Comment c where c.post.id = :p order by c.id", String.class)
                .setParameter("p", post.getId()).getResultList();
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public long commentCount(long postId) {
        return em.createQuery("select count(c) from Comment c where c.post.id = :p", Long.class).setParameter("p", postId).getSingleResult();
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, on = UPDATE, suffix = "id", properties = "title"))
    public String title(long postId) {
        return em.find(Post.class, postId).getTitle();
    }

    @Cached(triggers = @Trigger(entity = Post.class, checker = PublishedOnly.class))
    public List<String> publishedTitles() {
        return em.createQuery("select p.title from Post p where p.published = true order by p.id", String.class).getResultList();
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Note.class, suffix = "post.id"))
    public List<String> notes(long postId) {
        return List.copyOf(em.createQuery("select n.text from Note n where n.post.id = :p order by n.id", String.class)
                .setParameter("p", postId).getResultList());
    }

    @Cached(suffix = "productId", triggers = @Trigger(event = PriceChanged.class, suffix = "productId"))
    public String price(long productId) {
        return PRICES.getOrDefault(productId, "none");
    }
}
