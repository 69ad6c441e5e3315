package io.triggercache.cluster.node;

import io.triggercache.Cached;
import io.triggercache.Trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/** The cached methods of a node: an article's title, dropped when that article changes. */
@ApplicationScoped
public class ArticleViews {

    /** How many times {@link #title} ran on this node (a load: the database was read). */
    static final AtomicLong LOADS = new AtomicLong();

    @Inject
    Jpa jpa;

    @Cached(name = "title", suffix = "id", triggers = @Trigger(entity = Article.class, suffix = "id"))
    public String title(long id) throws InterruptedException {
        LOADS.incrementAndGet();
        String title = jpa.tx(em -> em.find(Article.class, id).getTitle());   // db hit
        Gate.pass();
        return title;
    }

    /** The same read, cached with the {@code NEAR} near tier (the node's store sets it for this name). */
    @Cached(name = "nearTitle", suffix = "id", triggers = @Trigger(entity = Article.class, suffix = "id"))
    public String nearTitle(long id) {
        return jpa.tx(em -> em.find(Article.class, id).getTitle());
    }

    /** The same read, cached without a near tier (the node's store sets {@code OFF} for this name). */
    @Cached(name = "offTitle", suffix = "id", triggers = @Trigger(entity = Article.class, suffix = "id"))
    public String offTitle(long id) {
        return jpa.tx(em -> em.find(Article.class, id).getTitle());
    }
}
