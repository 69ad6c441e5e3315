package io.triggercache.cdi;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

@ApplicationScoped
public class ShopService {

    static final Map<Long, String> prices = new ConcurrentHashMap<>();
    static final AtomicInteger runs = new AtomicInteger();

    @Cached(suffix = "productId", triggers = @Trigger(event = PriceChanged.class, suffix = "productId"))
    public String price(long productId) {
        runs.incrementAndGet();
        return prices.getOrDefault(productId, "none");
    }

    @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.id", checker = OnlyVisible.class))
    public String comments(Post post) {
        runs.incrementAndGet();
        return "comments of " + post.getId() + " #" + runs.get();
    }

    public String uncached() {
        runs.incrementAndGet();
        return "u" + runs.get();
    }
}
