package io.triggercache.jpa.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The last known database state of managed entity instances, by identity, held weakly: an instance the
 * application and its provider no longer reference is forgotten with it. Thread-safe (one lock; an entry is
 * touched once per load and once per write).
 */
final class Snapshots {

    private final Map<Key, Object[]> states = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    synchronized void put(Object entity, Object[] state) {
        expunge();
        states.put(new Key(entity, collected), state);
    }

    synchronized Object[] get(Object entity) {
        return states.get(new Key(entity, null));
    }

    synchronized Object[] remove(Object entity) {
        expunge();
        return states.remove(new Key(entity, null));
    }

    synchronized int size() {
        expunge();
        return states.size();
    }

    private void expunge() {
        for (Object k; (k = collected.poll()) != null; ) {
            states.remove(k);
        }
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key k)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }
}
