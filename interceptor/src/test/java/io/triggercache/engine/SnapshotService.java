package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service reading a "database" through the calling thread's view: the committed rows, or a snapshot a test
 * installs for one thread (as a persistence context or a REPEATABLE READ transaction would hold).
 */
public class SnapshotService {

    final Map<Long, String> committed = new ConcurrentHashMap<>();
    final ThreadLocal<Map<Long, String>> snapshot = new ThreadLocal<>();
    final AtomicInteger runs = new AtomicInteger();
    /** Counted down by a load once it has read. */
    volatile java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
    /** Loads wait here after reading while it is closed. */
    volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    @Cached(suffix = "postId", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(event = CommentsImported.class, suffix = "postId")})
    public String comments(long postId) {
        runs.incrementAndGet();
        Map<Long, String> view = snapshot.get();
        String value = (view != null ? view : committed).get(postId);
        read.countDown();
        try {
            if (!gate.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    /** An application event: comments of a post were imported by hand. */
    public record CommentsImported(long postId) {
    }
}
