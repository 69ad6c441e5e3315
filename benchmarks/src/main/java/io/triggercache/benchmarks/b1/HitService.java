package io.triggercache.benchmarks.b1;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Item;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CDI bean of B1: a one-argument and a three-argument cached method, and, on the same bean (so the same
 * client proxy), an uncached method and a method behind a no-op interceptor: the container's own costs.
 */
@ApplicationScoped
public class HitService {

    public static final String ONE = HitService.class.getName() + ".one";
    public static final String THREE = HitService.class.getName() + ".three";

    private final Item plain = new Item(0, "plain");

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item one(long id) {
        return new Item(id, "one");
    }

    @Cached(suffix = "id", key = {"id", "lang", "page"}, triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item three(long id, String lang, int page) {
        return new Item(id, lang + page);
    }

    public Item plain(long id) {
        return plain;
    }

    /** Through an interceptor that does nothing. */
    @Noop
    public Item intercepted(long id) {
        return plain;
    }
}
