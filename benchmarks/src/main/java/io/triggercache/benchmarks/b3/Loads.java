package io.triggercache.benchmarks.b3;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the 50 ms loader of B3 records: how many times it ran in the current trial, and whether the calling
 * thread ran it (that caller is the loader, not a waiter). Contenders run one at a time.
 */
final class Loads {

    static final long LOAD_MILLIS = 50;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadLocal<Boolean> RAN = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Loads() {
    }

    /** The loader: counts, marks the thread, sleeps for the load time. */
    static void load() {
        COUNT.incrementAndGet();
        RAN.set(Boolean.TRUE);
        try {
            Thread.sleep(LOAD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the load was interrupted", e);
        }
    }

    static int resetCount() {
        return COUNT.getAndSet(0);
    }

    /** Whether this thread ran the loader since the last call, clearing the mark. */
    static boolean ranHere() {
        boolean ran = RAN.get();
        RAN.set(Boolean.FALSE);
        return ran;
    }
}
