package io.triggercache.it.blog;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cached reads of the blog, as an application would write them. */
@ApplicationScoped
public class BlogQueries {

    /** Runs inside comments() after its query: lets a test hold a load after it read the database. */
    public static volatile Runnable afterCommentsQuery = () -> { };
    /** Prices from a system outside the database. */
    public static final Map<Long, String> PRICES = new ConcurrentHashMap<>();

    @Inject
    Jpa jpa;

    @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
    public List<String> latestTitles() {
        return jpa.read(em -> em.createQuery("select p.title from Post p order by p.id desc", String.class)
                .setMaxResults(5).getResultList());
    }

    @Cached(suffix = "post.id", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
    public List<String> comments(Post post) {
        List<String> texts = jpa.read(em -> em.createQuery("select c.text from Comment c where c.post.id = :p order by c.id", String.class)
                .setParameter("p", post.getId()).getResultList());
        afterCommentsQuery.run();
        return texts;
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public long commentCount(long postId) {
        return jpa.read(em -> em.createQuery("select count(c) from Comment c where c.post.id = :p", Long.class)
                .setParameter("p", postId).getSingleResult());
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, on = UPDATE, suffix = "id", properties = "title"))
    public String title(long postId) {
        return jpa.read(em -> em.find(Post.class, postId).getTitle());
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, suffix = "id", properties = "tags"))
    public List<String> tagNames(long postId) {
        return jpa.read(em -> em.createQuery("select t.name from Post p join p.tags t where p.id = :p order by t.name", String.class)
                .setParameter("p", postId).getResultList());
    }

    @Cached(triggers = @Trigger(entity = Post.class, checker = PublishedOnly.class))
    public List<String> publishedTitles() {
        return jpa.read(em -> em.createQuery("select p.title from Post p where p.published = true order by p.id", String.class)
                .getResultList());
    }

    @Cached(suffix = "productId", triggers = @Trigger(event = PriceChanged.class, suffix = "productId"))
    public String price(long productId) {
        return PRICES.getOrDefault(productId, "none");
    }
}
