package io.triggercache.hibernate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

/**
 * A {@link ChangeSink} that records what the change source reports. Changes are only valid during the call,
 * so each one is copied into a {@link Recorded} snapshot (every field of the entity class read through
 * {@link Change.State#get}).
 */
public final class RecordingSink implements ChangeSink {

    private final Set<Class<?>> allWatched;
    /** The classes watched now: all of them, unless a test narrowed them with {@link #watchOnly}. */
    private volatile Set<Class<?>> watched;
    public final List<Class<?>> asked = Collections.synchronizedList(new ArrayList<>());
    public final List<Tx> transactions = Collections.synchronizedList(new ArrayList<>());
    public final List<Recorded> changedNow = Collections.synchronizedList(new ArrayList<>());
    public final List<Class<?>> bulkChangedNow = Collections.synchronizedList(new ArrayList<>());
    /** The read barriers registered, as the engine holds them. */
    public final List<io.triggercache.spi.ReadBarrier> barriers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RecordingSink(Class<?>... watched) {
        this.allWatched = Set.of(watched);
        this.watched = allWatched;
    }

    /** Watches only {@code types} (as if only they had triggers) until {@link #watchAll()}. */
    public void watchOnly(Class<?>... types) {
        watched = Set.of(types);
    }

    /** Watches every class given to the constructor again. */
    public void watchAll() {
        watched = allWatched;
    }

    /** Forgets everything recorded so far (the setup's own writes). */
    public void clear() {
        asked.clear();
        transactions.clear();
        changedNow.clear();
        bulkChangedNow.clear();
    }

    @Override
    public boolean watches(Class<?> type) {
        asked.add(type);
        for (Class<?> w : watched) {
            if (w.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized TransactionChanges transaction(Object transactionKey) {
        for (Tx tx : transactions) {
            if (tx.key.equals(transactionKey) && tx.completions.isEmpty()) {
                return tx;
            }
        }
        Tx tx = new Tx(transactionKey);
        transactions.add(tx);
        return tx;
    }

    @Override
    public void changedNow(Change change) {
        changedNow.add(Recorded.of(change));
    }

    @Override
    public void bulkChangedNow(Class<?> type) {
        bulkChangedNow.add(type);
    }

    @Override
    public void addReadBarrier(io.triggercache.spi.ReadBarrier barrier) {
        if (!barriers.contains(barrier)) {
            barriers.add(barrier);
        }
    }

    @Override
    public void removeReadBarrier(io.triggercache.spi.ReadBarrier barrier) {
        barriers.remove(barrier);
    }

    /** The earliest {@link io.triggercache.spi.ReadBarrier#readsSince()} of the registered barriers, as the engine reads it. */
    public long readsSince() {
        long min = Long.MAX_VALUE;
        for (io.triggercache.spi.ReadBarrier b : barriers) {
            min = Math.min(min, b.readsSince());
        }
        return min;
    }

    /** The only transaction recorded; fails if there is none or several. */
    public Tx onlyTransaction() {
        if (transactions.size() != 1) {
            throw new AssertionError("expected one transaction, got " + transactions);
        }
        return transactions.get(0);
    }

    /** Every change added to any transaction, in order. */
    public List<Recorded> allTransactionChanges() {
        List<Recorded> all = new ArrayList<>();
        synchronized (transactions) {
            for (Tx tx : transactions) {
                all.addAll(tx.changes);
            }
        }
        return all;
    }

    /** The pending changes of one transaction. */
    public static final class Tx implements TransactionChanges {
        public final Object key;
        public final List<Recorded> changes = new ArrayList<>();
        public final List<Class<?>> bulks = new ArrayList<>();
        public final List<Boolean> completions = new ArrayList<>();

        Tx(Object key) {
            this.key = key;
        }

        @Override
        public void add(Change change) {
            if (!completions.isEmpty()) {
                throw new AssertionError("add after completion: " + change);
            }
            changes.add(Recorded.of(change));
        }

        @Override
        public void addBulk(Class<?> type) {
            if (!completions.isEmpty()) {
                throw new AssertionError("addBulk after completion: " + type);
            }
            bulks.add(type);
        }

        @Override
        public void completed(boolean committed) {
            completions.add(committed);
        }

        @Override
        public String toString() {
            return "Tx[key=" + key.getClass().getSimpleName() + ", changes=" + changes + ", bulks=" + bulks
                    + ", completions=" + completions + "]";
        }
    }

    /** A copy of a change, taken while it was valid. */
    public static final class Recorded {
        public final Class<?> type;
        public final EntityEvent event;
        public final Object id;
        public final Map<String, Object> before;
        public final Map<String, Object> after;
        public final Object beforeObject;
        public final Object afterObject;
        public final Set<String> dirty;
        /** The message of the exception that reading a property the entity does not have threw. */
        public final String unknownPropertyMessage;

        private Recorded(Change c) {
            type = c.type();
            event = c.event();
            id = c.id();
            before = c.before() == null ? null : values(c.type(), c.before());
            after = c.after() == null ? null : values(c.type(), c.after());
            beforeObject = c.before() == null ? null : c.before().object();
            afterObject = c.after() == null ? null : c.after().object();
            dirty = new LinkedHashSet<>(c.dirtyProperties());
            Change.State any = c.after() != null ? c.after() : c.before();
            String message = null;
            try {
                any.get("noSuchProperty");
            } catch (IllegalArgumentException e) {
                message = e.getMessage();
            }
            unknownPropertyMessage = message;
        }

        static Recorded of(Change c) {
            return new Recorded(c);
        }

        private static Map<String, Object> values(Class<?> type, Change.State state) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Class<?> t = type; t != Object.class; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        values.put(f.getName(), state.get(f.getName()));
                    }
                }
            }
            return values;
        }

        @Override
        public String toString() {
            return event + " " + type.getSimpleName() + "#" + id + " dirty=" + dirty;
        }
    }
}
