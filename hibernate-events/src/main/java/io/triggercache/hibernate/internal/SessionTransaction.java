package io.triggercache.hibernate.internal;

import io.triggercache.spi.ViewClock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The triggercache side of one session's transactions: added to the session's listeners on the session's
 * first change inside a transaction, it holds that transaction's {@link TransactionChanges} (keyed by the
 * session) and completes them when Hibernate reports the transaction's outcome. Reused for the session's later
 * transactions, forgotten when the session ends.
 *
 * <p>Used by the thread that owns the session; completion may come from a JTA transaction reaper.
 */
final class SessionTransaction implements SessionEventListener {

    private static final long serialVersionUID = 1L;

    private final transient ChangeSource source;
    private final transient SharedSessionContractImplementor session;
    private final transient ChangeSink sink;
    private transient volatile TransactionChanges changes;
    /**
     * Entities inserted in the current transaction (or, outside any, since the session opened): creating their
     * collections is part of the insert.
     */
    private transient Set<Object> inserted;
    /**
     * States written in the current transaction: in flight in {@link RecentCommits} from the write on, remembered
     * there as committed once it commits.
     */
    private transient java.util.List<Object[]> written;
    private transient java.util.List<EntityMetadata> writtenTypes;
    /** The entity classes written in bulk in the current transaction (see {@link BulkWrites}). */
    private transient Set<Class<?>> bulkTypes;

    SessionTransaction(ChangeSource source, SharedSessionContractImplementor session, ChangeSink sink) {
        this.source = source;
        this.session = session;
        this.sink = sink;
    }

    TransactionChanges changes() {
        TransactionChanges c = changes;
        if (c == null) {
            c = sink.transaction(session);
            changes = c;
        }
        return c;
    }

    void inserted(Object entity) {
        if (inserted == null) {
            inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        inserted.add(entity);
    }

    /** {@code state} of {@code id} was written: remembered if the transaction commits. */
    void written(EntityMetadata m, Object id, Object[] state) {
        if (written == null) {
            written = new java.util.ArrayList<>();
            writtenTypes = new java.util.ArrayList<>();
        }
        Object[] copy = m.committedCopy(state);
        written.add(new Object[] {id, copy});
        writtenTypes.add(m);
        m.recent.writing(this, id, copy);
    }

    /** Rows of {@code types} were written in bulk: in flight until the transaction completes. */
    void bulkWritten(Set<Class<?>> types) {
        if (bulkTypes == null) {
            bulkTypes = new java.util.LinkedHashSet<>();
        }
        bulkTypes.addAll(types);
        source.bulkWriting(this, types);
    }

    boolean wasInserted(Object entity) {
        return inserted != null && inserted.contains(entity);
    }

    @Override
    public void transactionCompletion(boolean successful) {
        complete(successful);
    }

    @Override
    public void end() {
        source.forget(session, this);
        if (!source.jta()) {
            // resource-local: a session closed with its transaction open never commits it through Hibernate
            // afterwards; treating it as committed can only drop more than needed
            complete(true);
        }
        // JTA: the transaction may still commit after the session closed; Hibernate reports it through
        // transactionCompletion, which this listener (still registered) receives
    }

    private void complete(boolean committed) {
        TransactionChanges c = changes;
        changes = null;
        inserted = null;
        java.util.List<Object[]> w = written;
        java.util.List<EntityMetadata> types = writtenTypes;
        written = null;
        writtenTypes = null;
        Set<Class<?>> bulk = bulkTypes;
        bulkTypes = null;
        if (bulk != null) {
            source.bulkCompleted(this, bulk, committed);
        }
        if (w != null) {
            long now = ViewClock.now(); // after the commit: a view started before now may predate it
            for (int i = 0; i < w.size(); i++) {
                types.get(i).recent.completed(this, w.get(i)[0], (Object[]) w.get(i)[1], committed, now);
            }
        }
        if (c != null) {
            c.completed(committed);
        }
    }
}
