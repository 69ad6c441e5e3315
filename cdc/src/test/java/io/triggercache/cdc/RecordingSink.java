package io.triggercache.cdc;

import io.triggercache.Change;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's sink with two observations on top: the markers the capture reported (not passed on), and when the
 * drops of a captured change with a given post title were applied (for the latency figure).
 */
final class RecordingSink implements ChangeSink {

    private final ChangeSink engine;
    final AtomicLong lastMarker = new AtomicLong(-1);
    /** Post title -> System.nanoTime() once the transaction carrying it has been applied. */
    final ConcurrentHashMap<String, Long> appliedTitles = new ConcurrentHashMap<>();
    /** The ids of the captured comment changes applied through this sink. */
    final java.util.Set<Object> commentIds = ConcurrentHashMap.newKeySet();

    /** While set, the capture's thread waits before reporting anything (at most 30 s): a test holds the echo back. */
    private volatile java.util.concurrent.CountDownLatch gate;

    void hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    void release() {
        java.util.concurrent.CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    RecordingSink(ChangeSink engine) {
        this.engine = engine;
    }

    @Override
    public boolean watches(Class<?> type) {
        return type == CdcMarker.class || engine.watches(type);
    }

    @Override
    public TransactionChanges transaction(Object key) {
        java.util.concurrent.CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TransactionChanges inner = engine.transaction(key);
        return new TransactionChanges() {
            private long marker = -1;
            private String title;
            private final java.util.List<Object> comments = new java.util.ArrayList<>();

            @Override
            public void add(Change change) {
                if (change.type() == CdcMarker.class) {
                    marker = Math.max(marker, ((Number) change.id()).longValue());
                    return;
                }
                if (change.type() == CdcPost.class && change.after() != null && change.after().get("title") instanceof String t
                        && t.startsWith("latency-")) {
                    title = t;
                }
                if (change.type() == CdcComment.class) {
                    comments.add(change.id());
                }
                inner.add(change);
            }

            @Override
            public void addBulk(Class<?> type) {
                inner.addBulk(type);
            }

            @Override
            public void completed(boolean committed) {
                inner.completed(committed);
                commentIds.addAll(comments);
                if (title != null) {
                    appliedTitles.put(title, System.nanoTime());
                }
                if (marker >= 0) {
                    lastMarker.accumulateAndGet(marker, Math::max);
                }
            }
        };
    }

    @Override
    public void changedNow(Change change) {
        engine.changedNow(change);
    }

    @Override
    public void bulkChangedNow(Class<?> type) {
        engine.bulkChangedNow(type);
    }
}
