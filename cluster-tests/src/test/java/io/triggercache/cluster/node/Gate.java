package io.triggercache.cluster.node;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the next load of {@link ArticleViews#title} after it has read the database and before it returns,
 * so that a test can commit on another node in between (the I3 race, forced rather than hoped for).
 */
final class Gate {

    private static final Object LOCK = new Object();
    private static CountDownLatch paused;
    private static CountDownLatch release;
    private static boolean armed;

    private Gate() {
    }

    /** The next load to pass pauses. */
    static void arm() {
        synchronized (LOCK) {
            paused = new CountDownLatch(1);
            release = new CountDownLatch(1);
            armed = true;
        }
    }

    /** Called by a load after its read: pauses it until {@link #release()} if the gate is armed (once). */
    static void pass() throws InterruptedException {
        CountDownLatch p;
        CountDownLatch r;
        synchronized (LOCK) {
            if (!armed) {
                return;
            }
            armed = false;
            p = paused;
            r = release;
        }
        p.countDown();
        if (!r.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gate was never released");
        }
    }

    /** Waits until the armed load has read and paused. */
    static boolean awaitPaused() throws InterruptedException {
        CountDownLatch p;
        synchronized (LOCK) {
            p = paused;
        }
        return p != null && p.await(60, TimeUnit.SECONDS);
    }

    /** Disarms the gate if no load has paused on it. */
    static void disarm() {
        synchronized (LOCK) {
            armed = false;
        }
    }

    static void release() {
        CountDownLatch r;
        synchronized (LOCK) {
            r = release;
        }
        if (r != null) {
            r.countDown();
        }
    }
}
