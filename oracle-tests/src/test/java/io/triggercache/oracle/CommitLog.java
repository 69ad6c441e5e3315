package io.triggercache.oracle;

import java.util.concurrent.atomic.AtomicReferenceArray;

/** The most recent commits by epoch (a ring), so that a stale read can name the commits that made its value old. */
final class CommitLog {

    /** One commit: its epoch, the operation that made it and what it did. */
    record Entry(long epoch, Operation operation, String what, boolean changed) {
    }

    private static final int SIZE = 1 << 16;
    private final AtomicReferenceArray<Entry> ring = new AtomicReferenceArray<>(SIZE);

    void record(long epoch, Running running, boolean committed) {
        Operation op = running == null ? null : running.operation;
        String what = running == null ? "outside an operation" : running.what;
        boolean changed = committed && (running == null || !running.nothing);
        ring.set((int) (epoch & (SIZE - 1)), new Entry(epoch, op, committed ? what : what + " (commit failed: rolled back)", changed));
    }

    /** The commit of an epoch, or {@code null} if it is older than the ring holds. */
    Entry at(long epoch) {
        Entry e = ring.get((int) (epoch & (SIZE - 1)));
        return e != null && e.epoch() == epoch ? e : null;
    }

    /** The operation a thread is running, with a description it fills in as it goes. */
    static final class Running {
        final Operation operation;
        volatile String what;
        /** Set when the operation found nothing to change. */
        volatile boolean nothing;

        Running(Operation operation) {
            this.operation = operation;
            this.what = operation.name();
        }
    }
}
