package io.triggercache.engine;

import io.triggercache.spi.LoadTicket;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A load in progress for one key (single-flight): callers that miss the same key while it runs wait
 * for its outcome instead of loading again.
 *
 * <p>For a method returning a future, the outcome is the shared future of the load, known as soon as the method
 * has returned it; waiters then compose on it instead of blocking until it completes.
 */
final class Flight {

    /**
     * The outcome telling waiters to start over: the loader saw uncommitted changes of its own transaction, or read
     * through a snapshot older than the group's last drop, so its value is for its own caller only.
     */
    static final Object RETRY = new Object();

    final List<?> group;
    private final CountDownLatch done = new CountDownLatch(1);
    private Object value;
    private Throwable failure;
    /** The ticket the outcome was stored under, or null if it was not stored: what a waiting outer load depends on. */
    private LoadTicket stored;

    Flight(List<?> group) {
        this.group = group;
    }

    void complete(Object value, LoadTicket stored) {
        this.value = value;
        this.stored = stored;
        done.countDown();
    }

    void fail(Throwable failure) {
        this.failure = failure;
        done.countDown();
    }

    /** The ticket of the stored outcome, once {@link #await()} returned; null if nothing was stored. */
    LoadTicket stored() {
        return stored;
    }

    /**
     * Waits for the outcome: the value, {@link #RETRY}, or the loader's exception rethrown unchanged.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    Object await() throws Exception {
        done.await();
        Throwable f = failure;
        if (f != null) {
            if (f instanceof Exception e) {
                throw e;
            }
            throw (Error) f;
        }
        return value;
    }
}
