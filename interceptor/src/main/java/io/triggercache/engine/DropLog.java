package io.triggercache.engine;

import io.triggercache.CacheInspector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last drops applied to one method on this node, newest first: a fixed ring, written after commit by the
 * threads applying the drops, never on the read path. A drop is kept as recorded (its group, its {@link Cause}, the
 * time): the readable {@link CacheInspector.Drop}, with its one-line description, is built only when the inspector
 * reads the ring, so recording costs one small object and one atomic increment per drop (no lock: B5 measures it).
 * Thread-safe: writers claim slots with an atomic counter; a reader that races writers may see a slot already
 * overwritten by a newer drop (the ring is a diagnostic, not a log of record), never a torn one.
 */
final class DropLog {

    static final DropLog OFF = new DropLog(0);

    /** One applied drop as recorded: {@code group} null for the whole method. */
    private record Recorded(List<?> group, Cause cause, long at) {
    }

    private final AtomicReferenceArray<Recorded> ring;
    private final int capacity;
    private final AtomicLong written = new AtomicLong();

    DropLog(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.ring = new AtomicReferenceArray<>(this.capacity);
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** Records a drop of {@code group} (null: the whole method), applied at {@code at} (epoch ms). */
    void add(List<?> group, Cause cause, long at) {
        if (capacity == 0) {
            return;
        }
        long slot = written.getAndIncrement();
        ring.set((int) (slot % capacity), new Recorded(group, cause, at));
    }

    /** The drops of {@code method} on {@code node}, newest first. */
    List<CacheInspector.Drop> newestFirst(String method, String node) {
        long n = written.get();
        int size = (int) Math.min(n, capacity);
        List<Recorded> recorded = new ArrayList<>(size);
        for (long i = n - 1; i >= n - size; i--) {
            Recorded r = ring.get((int) (i % capacity));
            if (r != null) {                          // claimed, not yet written
                recorded.add(r);
            }
        }
        List<CacheInspector.Drop> out = new ArrayList<>(recorded.size());
        for (Recorded r : recorded) {
            Cause c = r.cause();
            out.add(new CacheInspector.Drop(method,
                    Optional.ofNullable(r.group()).map(g -> Collections.unmodifiableList(new ArrayList<Object>(g))), c.source,
                    c.describe(r.group()), Optional.ofNullable(c.trigger).map(t -> t.description), Instant.ofEpochMilli(r.at()),
                    node));
        }
        return out;
    }
}
