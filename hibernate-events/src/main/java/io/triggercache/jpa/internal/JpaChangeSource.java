package io.triggercache.jpa.internal;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import java.util.function.Function;

/**
 * Turns JPA lifecycle callbacks into changes for one deployment's {@link ChangeSink}.
 *
 * <p>JPA shows a callback only the entity as it is now. The old state is therefore a snapshot of the entity's
 * attributes, taken when it is loaded ({@code @PostLoad}) and after each write this source reports, held weakly by
 * entity identity. Lazy attributes not yet loaded are marked, not loaded. Inside a JTA transaction the changes
 * are pending in the sink's {@link TransactionChanges} for that transaction and completed after it ends;
 * outside one they are applied at once.
 *
 * <p>Thread-safe.
 */
public final class JpaChangeSource {

    private static final long LOOKUP_INTERVAL_NANOS = 1_000_000_000L;

    private final Function<ClassLoader, ChangeSink> sinks;
    private final Transactions transactions;
    private final Snapshots snapshots = new Snapshots();

    private volatile ChangeSink sink;
    private volatile long nextLookup;
    private volatile boolean missingLogged;

    private JpaChangeSource(Function<ClassLoader, ChangeSink> sinks, Transactions transactions) {
        this.sinks = sinks;
        this.transactions = transactions;
    }

    /** The source of a deployment in a container: the sink from CDI or {@code ChangeSinks}, JTA from JNDI. */
    public static JpaChangeSource inContainer() {
        return new JpaChangeSource(SinkLookup::find, Transactions.lookup());
    }

    /**
     * A source with a given sink and transaction registry (Java SE, tests).
     *
     * @param registry the JTA registry, or {@code null} to apply every change at once
     */
    public static JpaChangeSource of(ChangeSink sink, jakarta.transaction.TransactionSynchronizationRegistry registry) {
        return new JpaChangeSource(loader -> sink, Transactions.of(registry));
    }

    /** Says once that the listener stays idle because Hibernate ORM runs it (see the listener's class comment). */
    public static void logIdleOnHibernate() {
        Log.onHibernate();
    }

    /** {@code @PostLoad}: remembers the state as loaded. */
    public void loaded(Object entity) {
        ChangeSink s = sink(entity);
        if (s != null && s.watches(entity.getClass())) {
            EntityShape shape = EntityShape.of(entity.getClass());
            snapshots.put(entity, capture(shape, entity));
        }
    }

    /** {@code @PostPersist}: an {@code INSERT}. */
    public void persisted(Object entity) {
        write(entity, EntityEvent.INSERT);
    }

    /** {@code @PostUpdate}: an {@code UPDATE}, from the snapshot (if any) to the current state. */
    public void updated(Object entity) {
        write(entity, EntityEvent.UPDATE);
    }

    /** {@code @PostRemove}: a {@code DELETE} of the last known state. */
    public void removed(Object entity) {
        write(entity, EntityEvent.DELETE);
    }

    /**
     * Rows of {@code type} changed without callbacks (bulk JPQL, native SQL): every method with a trigger on the
     * type is dropped after the transaction commits, or now outside one.
     */
    public void bulkChanged(Class<?> type) {
        ChangeSink s = sink(type);
        if (s == null || !s.watches(type)) {
            return;
        }
        TransactionChanges tx = transactions.current(s);
        if (tx == null) {
            s.bulkChangedNow(type);
        } else {
            tx.addBulk(type);
        }
    }

    /** The number of entities whose state is remembered (for tests). */
    int snapshotCount() {
        return snapshots.size();
    }

    private void write(Object entity, EntityEvent event) {
        ChangeSink s = sink(entity);
        if (s == null || !s.watches(entity.getClass())) {
            return;
        }
        EntityShape shape = EntityShape.of(entity.getClass());
        Object[] before = event == EntityEvent.INSERT ? null : event == EntityEvent.DELETE ? snapshots.remove(entity) : snapshots.get(entity);
        Change change = new JpaChange(shape, event, entity, before);
        TransactionChanges tx = transactions.current(s);
        if (tx == null) {
            s.changedNow(change);
        } else {
            tx.add(change);
        }
        if (event != EntityEvent.DELETE) {
            snapshots.put(entity, capture(shape, entity));
        }
    }

    private static Object[] capture(EntityShape shape, Object entity) {
        Object[] values = new Object[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = shape.lazy[i] && !JpaChange.isLoaded(entity, shape.names[i]) ? JpaChange.UNLOADED : shape.read(entity, i);
        }
        return values;
    }

    private ChangeSink sink(Object entityOrType) {
        ChangeSink s = sink;
        if (s != null) {
            return s;
        }
        long now = System.nanoTime();
        if (now - nextLookup < 0) {
            return null;
        }
        Class<?> type = entityOrType instanceof Class<?> c ? c : entityOrType.getClass();
        s = sinks.apply(type.getClassLoader());
        if (s != null) {
            sink = s;
            return s;
        }
        nextLookup = now + LOOKUP_INTERVAL_NANOS;
        if (!missingLogged) {
            missingLogged = true;
            Log.noSink(type);
        }
        return null;
    }
}
