package io.triggercache.engine;

import io.triggercache.CacheInspector;
import java.util.ArrayList;
import java.util.List;

/**
 * The last drops applied to one method on this node, newest first: a fixed ring, written after commit by the
 * thread applying the drops, never on the read path. Thread-safe (synchronized: drops are per commit, not per call).
 */
final class DropLog {

    static final DropLog OFF = new DropLog(0);

    private final CacheInspector.Drop[] ring;
    private int next;
    private int size;

    DropLog(int capacity) {
        this.ring = new CacheInspector.Drop[Math.max(0, capacity)];
    }

    boolean enabled() {
        return ring.length > 0;
    }

    synchronized void add(CacheInspector.Drop drop) {
        if (ring.length == 0) {
            return;
        }
        ring[next] = drop;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The drops, newest first. */
    synchronized List<CacheInspector.Drop> newestFirst() {
        List<CacheInspector.Drop> out = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            out.add(ring[(next - i + ring.length) % ring.length]);
        }
        return out;
    }
}
