package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Unless;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Cached methods with an {@code unless} condition (issue 13). */
public class UnlessService {

    final AtomicInteger runs = new AtomicInteger();
    volatile String state = "PENDING";

    /** A result that says "not ready yet" is not cached. */
    public static final class Pending implements Unless {
        @Override
        public boolean test(Object result) {
            return result instanceof String s && s.startsWith("PENDING");
        }
    }

    /** A condition that fails. */
    public static final class Broken implements Unless {
        @Override
        public boolean test(Object result) {
            throw new IllegalStateException("broken condition");
        }
    }

    @Cached(suffix = "id", unless = Pending.class)
    public String report(long id) {
        runs.incrementAndGet();
        return state + " " + id;
    }

    @Cached(unless = Pending.class)
    public CompletableFuture<String> reportAsync(long id) {
        runs.incrementAndGet();
        return CompletableFuture.completedFuture(state + " " + id);
    }

    @Cached(unless = Broken.class)
    public String guarded(String key) {
        runs.incrementAndGet();
        return "value of " + key;
    }
}
