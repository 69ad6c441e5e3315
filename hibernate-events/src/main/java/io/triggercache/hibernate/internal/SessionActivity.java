package io.triggercache.hibernate.internal;

import java.util.Set;

import io.triggercache.Change;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

import org.hibernate.SessionEventListener;

/**
 * A session listener that Hibernate creates for every session, {@code Session} and {@code StatelessSession}
 * alike (this module sets {@code hibernate.session.events.auto} to this class unless the application set it).
 *
 * <p>It exists because two kinds of writes reach triggercache without their session: bulk DML seen by the
 * statement inspector outside a marked {@code Session} transaction (for example through a
 * {@code StatelessSession}), and, in Hibernate 6.6, every event of a {@code StatelessSession}. Both happen
 * right after the session prepared or executed a statement on the same thread, which this listener records
 * (see {@link ThreadState}). It cannot tell whether that session has a transaction in progress, so such a
 * change is reported twice: at once ({@link ChangeSink#changedNow}), which is right for auto-commit, and into
 * this session's {@link TransactionChanges}, completed when the session's transaction completes, or as
 * committed when the session ends without one. Dropping a group early and again after the commit is safe:
 * a value recomputed in between is dropped by the second invalidation.
 *
 * <p>Public only because Hibernate instantiates it by name; not an API.
 */
public final class SessionActivity implements SessionEventListener {

    private static final long serialVersionUID = 1L;

    private transient TransactionChanges changes;

    /** Called by Hibernate, once per session. */
    public SessionActivity() {
    }

    @Override
    public void jdbcPrepareStatementStart() {
        ThreadState state = ThreadState.get();
        state.activity = this;
        ChangeSource source = state.pendingSource;
        if (source != null) {
            Set<Class<?>> types = state.pendingTypes;
            state.clearPending();
            source.bulkOfActivity(this, types);
        }
    }

    @Override
    public void jdbcExecuteStatementStart() {
        ThreadState.get().activity = this;
    }

    @Override
    public void jdbcExecuteBatchStart() {
        ThreadState.get().activity = this;
    }

    void changed(ChangeSink sink, Change change) {
        sink.changedNow(change);
        changes(sink).add(change);
    }

    void bulkChanged(ChangeSink sink, Class<?> type) {
        sink.bulkChangedNow(type);
        changes(sink).addBulk(type);
    }

    private TransactionChanges changes(ChangeSink sink) {
        TransactionChanges c = changes;
        if (c == null) {
            c = sink.transaction(this);
            changes = c;
        }
        return c;
    }

    @Override
    public void transactionCompletion(boolean successful) {
        complete(successful);
        ThreadState state = ThreadState.peek();
        if (state != null) {
            state.entityWrite = null;
            state.dropIfEmpty();
        }
    }

    @Override
    public void end() {
        // no transaction completed since the last change: they were auto-committed (or the session was
        // closed with its transaction open, when an extra invalidation is harmless)
        complete(true);
        ThreadState state = ThreadState.peek();
        if (state != null) {
            state.release(this);
        }
    }

    private void complete(boolean committed) {
        TransactionChanges c = changes;
        changes = null;
        if (c != null) {
            c.completed(committed);
        }
    }
}
