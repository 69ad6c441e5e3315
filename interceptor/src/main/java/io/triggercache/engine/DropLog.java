package io.triggercache.engine;

import io.triggercache.CacheInspector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The last drops applied to one method on this node, newest first: a fixed ring, written after commit by the
 * thread applying the drops, never on the read path. A drop is kept as recorded (its group, its {@link Cause}, the
 * time): the readable {@link CacheInspector.Drop}, with its one-line description, is built only when the inspector
 * reads the ring, so recording costs one small object per drop. Thread-safe (synchronized: drops are per commit,
 * not per call).
 */
final class DropLog {

    static final DropLog OFF = new DropLog(0);

    /** One applied drop as recorded: {@code group} null for the whole method. */
    private record Recorded(String method, List<?> group, Cause cause, long at, String node) {
    }

    private final Recorded[] ring;
    private int next;
    private int size;

    DropLog(int capacity) {
        this.ring = new Recorded[Math.max(0, capacity)];
    }

    boolean enabled() {
        return ring.length > 0;
    }

    /** Records a drop of {@code group} (null: the whole method) of {@code method}, applied at {@code at} (epoch ms). */
    void add(String method, List<?> group, Cause cause, long at, String node) {
        if (ring.length == 0) {
            return;
        }
        Recorded r = new Recorded(method, group, cause, at, node);
        synchronized (this) {
            ring[next] = r;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
    }

    /** The drops, newest first. */
    List<CacheInspector.Drop> newestFirst() {
        List<Recorded> recorded = new ArrayList<>(size);
        synchronized (this) {
            for (int i = 1; i <= size; i++) {
                recorded.add(ring[(next - i + ring.length) % ring.length]);
            }
        }
        List<CacheInspector.Drop> out = new ArrayList<>(recorded.size());
        for (Recorded r : recorded) {
            Cause c = r.cause();
            out.add(new CacheInspector.Drop(r.method(),
                    Optional.ofNullable(r.group()).map(g -> Collections.unmodifiableList(new ArrayList<Object>(g))), c.source,
                    c.describe(r.group()), Optional.ofNullable(c.trigger).map(t -> t.description), Instant.ofEpochMilli(r.at()),
                    r.node()));
        }
        return out;
    }
}
