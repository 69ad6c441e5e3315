package io.triggercache.cdi;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** One method with an entity trigger, for the persistence-unit check. */
@ApplicationScoped
public class CommentCountService {

    static final AtomicInteger loads = new AtomicInteger();

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public int commentCount(long postId) {
        loads.incrementAndGet();
        return (int) postId * 10;
    }
}
