package io.triggercache.engine;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A load in progress for one key (single-flight): callers that miss the same key while it runs wait
 * for its outcome instead of loading again.
 */
final class Flight {

    /** The outcome telling waiters to start over (the loader saw uncommitted changes of its own transaction). */
    static final Object RETRY = new Object();

    final List<?> group;
    private final CountDownLatch done = new CountDownLatch(1);
    private Object value;
    private Throwable failure;

    Flight(List<?> group) {
        this.group = group;
    }

    void complete(Object value) {
        this.value = value;
        done.countDown();
    }

    void fail(Throwable failure) {
        this.failure = failure;
        done.countDown();
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
