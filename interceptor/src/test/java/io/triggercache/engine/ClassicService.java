package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Post;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "database" of the classic cache failures: post titles by id, each query counted. Loads of {@link #hot}
 * wait at a gate (after the query) while it is closed, so that a test can pile callers up on one load.
 */
public class ClassicService {

    final Map<Long, String> titles = new ConcurrentHashMap<>();
    final AtomicInteger queries = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);

    /** Penetration, unprotected: a missing row is not cached, so every call for it is a query. */
    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public String title(long id) {
        queries.incrementAndGet();
        return titles.get(id);
    }

    /** Penetration, answered: the missing row is cached as a null until a change of that post drops it. */
    @Cached(suffix = "id", cacheNulls = true, triggers = @Trigger(entity = Post.class, suffix = "id"))
    public String titleOrNull(long id) {
        queries.incrementAndGet();
        return titles.get(id);
    }

    /** Breakdown: a hot entry with a TTL, whose reload is held at the gate. */
    @Cached(ttl = "10m")
    public String hot(long id) throws InterruptedException {
        CountDownLatch myGate = gate;
        queries.incrementAndGet();
        String title = titles.get(id);
        if (!myGate.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        return title;
    }

    /** Avalanche, unprotected: every entry loaded at one instant expires at the same instant. */
    @Cached(ttl = "10m")
    public String sameTtl(long id) {
        queries.incrementAndGet();
        return titles.get(id);
    }

    /** Avalanche, answered: each entry lives 10 minutes +/- 20%, drawn per load. */
    @Cached(ttl = "10m", jitter = 0.2)
    public String jitteredTtl(long id) {
        queries.incrementAndGet();
        return titles.get(id);
    }
}
