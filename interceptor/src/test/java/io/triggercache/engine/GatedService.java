package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A service whose loads can be held at a gate after reading the "database", to force races. */
public class GatedService {

    final Map<Long, String> db = new ConcurrentHashMap<>();
    final AtomicInteger runs = new AtomicInteger();
    /** Counted down by a load once it has read the database. */
    volatile CountDownLatch read = new CountDownLatch(1);
    /** Loads wait here (after reading) while it is closed. */
    volatile CountDownLatch gate = new CountDownLatch(0);
    /** Runs at the start of each load, before the read. */
    volatile Runnable beforeRead = () -> { };
    volatile String fail;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public String comments(long postId) throws Exception {
        CountDownLatch myGate = gate;                                   // taken before announcing the read
        runs.incrementAndGet();
        beforeRead.run();
        String value = db.get(postId);
        read.countDown();
        if (!myGate.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        if (fail != null) {
            throw new IOException(fail);
        }
        return value;
    }
}
