package io.triggercache.hibernate.internal;

import io.triggercache.spi.ViewClock;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

import io.triggercache.Change;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

import org.hibernate.SessionEventListener;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionEventListenerManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

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
 * <p>It also keeps the session's <em>view</em>: {@link #since()}, the time its first JDBC statement (or
 * second-level cache read) started since the session last held no older data, which
 * {@link FlushBarrier#readsSince()} reports for the thread. The view resets (to none) when the session no longer
 * holds data read earlier: its transaction completed and its persistence context is empty (a
 * {@code StatelessSession} has none), a statement starts outside any transaction with an empty persistence
 * context (that statement is then fresh: the view starts with it), the session was cleared outside a
 * transaction, or the session ends. The persistence context is known only once the listener is
 * {@linkplain #of bound} to its session (at the session's first entity event); until then the session has given
 * no entity to the application, so its persistence context is empty.
 *
 * <p>Public only because Hibernate instantiates it by name; not an API.
 */
public final class SessionActivity implements SessionEventListener {

    private static final long serialVersionUID = 1L;

    /** {@link #since()} of a session that holds no view. */
    static final long NONE = Long.MAX_VALUE;

    /**
     * {@code SessionEventListenerManagerImpl.listeners} (Hibernate 6.6 to 7.3), read to find a session's
     * instance of this listener; {@code null} when it cannot be read, and then no view is reset before the
     * session ends.
     */
    private static final MethodHandle LISTENERS = listenersField();
    private static final Class<?> MANAGER_IMPL = LISTENERS == null ? null : LISTENERS.type().parameterType(0);

    private transient TransactionChanges changes;
    /** The source and entity classes of the bulk writes since the last completion (see {@link #bulkWritten}). */
    private transient ChangeSource bulkSource;
    private transient Set<Class<?>> bulkTypes;

    /**
     * Whether this session is known to have begun a resource-local transaction that has not completed: its JDBC
     * connection was acquired inside {@code Transaction.begin()} (to switch auto-commit off), seen on the stack.
     * False means unknown, not "no transaction".
     */
    private transient volatile boolean beganTransaction;

    /** The start of this session's view, or {@link #NONE}; written by the session's thread, read by others. */
    private transient volatile long since = NONE;
    /** The thread state listing this view, or null. */
    private transient volatile ThreadState owner;
    /** The session, once known (see the class comment). */
    private transient volatile SharedSessionContractImplementor session;

    /** Called by Hibernate, once per session. */
    public SessionActivity() {
    }

    @Override
    public void jdbcPrepareStatementStart() {
        ThreadState state = ThreadState.get();
        state.activity = this;
        reads(state);
        ChangeSource source = state.pendingSource;
        if (source != null) {
            Set<Class<?>> types = state.pendingTypes;
            state.clearPending();
            source.bulkOfActivity(this, types);
        }
    }

    @Override
    public void jdbcExecuteStatementStart() {
        ThreadState state = ThreadState.get();
        state.activity = this;
        reads(state);
    }

    @Override
    public void jdbcExecuteBatchStart() {
        ThreadState.get().activity = this;
    }

    /**
     * A connection acquired inside {@code Transaction.begin()} (resource-local, auto-commit switched off there)
     * means that this session's statements until its transaction completes belong to that transaction. Acquired
     * elsewhere (a statement outside any transaction, or a connection already held at begin), nothing is learnt.
     */
    @Override
    public void jdbcConnectionAcquisitionStart() {
        if (!beganTransaction && insideTransactionBegin()) {
            beganTransaction = true;
        }
    }

    private static final String TRANSACTION_IMPL = "org.hibernate.engine.transaction.internal.TransactionImpl";

    private static boolean insideTransactionBegin() {
        return StackWalker.getInstance().walk(frames -> frames.limit(32).anyMatch(
                f -> "begin".equals(f.getMethodName()) && TRANSACTION_IMPL.equals(f.getClassName())));
    }

    /**
     * The session whose transaction this listener's writes belong to when known to be in one, for routing them like
     * a {@code Session}'s: the bound session (see {@link #of}) if it is open.
     */
    SharedSessionContractImplementor boundSession() {
        SharedSessionContractImplementor s = session;
        return s != null && !s.isClosed() ? s : null;
    }

    /**
     * Whether a write this listener claims is known to be part of a transaction that has not completed: its
     * session began a resource-local one (see {@link #jdbcConnectionAcquisitionStart}), or the thread has an
     * active JTA transaction, which the session's statements join.
     */
    boolean knownInTransaction(ChangeSource source) {
        return beganTransaction || source.jtaTransactionActive();
    }

    /** A second-level cache read returns data as of its last put: it starts a view like a statement. */
    @Override
    public void cacheGetStart() {
        reads(ThreadState.get());
    }

    // ---- the view -------------------------------------------------------------------------------------------

    /** The start of this session's view in epoch nanoseconds ({@link ViewClock}), or {@link #NONE}. */
    long since() {
        return since;
    }

    ThreadState owner() {
        return owner;
    }

    /**
     * The session is about to read from the database (or the second-level cache) on the thread of {@code state}:
     * starts the view if none is open, or restarts it if the session holds nothing older (a statement outside
     * any transaction with an empty persistence context reads as committed now).
     */
    private void reads(ThreadState state) {
        if (since == NONE) {
            since = ViewClock.now();
            attach(state);
            return;
        }
        SharedSessionContractImplementor s = session;
        if (s != null && !s.isTransactionInProgress() && holdsNothing(s)) {
            since = ViewClock.now();
        }
        if (owner != state) {
            attach(state);
        }
    }

    /**
     * The session was used on this thread, maybe without a statement (a load answered from its persistence
     * context): an open view now counts for this thread, which may not be the one that started it.
     */
    void used() {
        if (since != NONE) {
            ThreadState state = ThreadState.get();
            if (owner != state) {
                attach(state);
            }
        }
    }

    private void attach(ThreadState state) {
        owner = state;
        state.addView(this);
    }

    private void reset() {
        since = NONE;
        ThreadState o = owner;
        owner = null;
        if (o != null && o == ThreadState.peek()) {
            o.removeView(this);
        }
    }

    /** The session was cleared: outside a transaction it holds nothing; inside one its snapshot may remain. */
    void cleared() {
        SharedSessionContractImplementor s = session;
        if (s != null && !s.isTransactionInProgress()) {
            reset();
        }
    }

    private static boolean holdsNothing(SharedSessionContractImplementor s) {
        return s instanceof StatelessSession || s.getPersistenceContextInternal().getNumberOfManagedEntities() == 0;
    }

    /**
     * The instance of this listener that {@code session} notifies, now bound to it, or {@code null} when the session
     * has none (the application set {@code hibernate.session.events.auto} itself) or it cannot be found.
     */
    static SessionActivity of(SharedSessionContractImplementor session) {
        ThreadState state = ThreadState.peek();
        if (state != null && state.activity != null && state.activity.session == session) {
            return state.activity;
        }
        if (LISTENERS == null) {
            return null;
        }
        SessionEventListenerManager manager = session.getEventListenerManager();
        if (!MANAGER_IMPL.isInstance(manager)) {
            return null;
        }
        SessionEventListener[] listeners;
        try {
            listeners = (SessionEventListener[]) LISTENERS.invoke(manager);
        } catch (Throwable e) {
            return null;
        }
        if (listeners != null) {
            for (SessionEventListener l : listeners) {
                if (l instanceof SessionActivity a) {
                    a.session = session;
                    return a;
                }
            }
        }
        return null;
    }

    private static MethodHandle listenersField() {
        try {
            Class<?> impl = Class.forName("org.hibernate.engine.internal.SessionEventListenerManagerImpl", false,
                    SessionEventListenerManager.class.getClassLoader());
            java.lang.reflect.Field f = impl.getDeclaredField("listeners");
            if (f.getType() != SessionEventListener[].class) {
                return null;
            }
            return MethodHandles.privateLookupIn(impl, MethodHandles.lookup()).unreflectGetter(f)
                    .asType(MethodType.methodType(SessionEventListener[].class, impl));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * A change of this listener's session, whose transaction state is not known from the session itself: pending in
     * this listener's {@link TransactionChanges} when {@code inTransaction}, else also reported at once (it may
     * have been auto-committed).
     */
    void changed(ChangeSink sink, Change change, boolean inTransaction) {
        if (!inTransaction) {
            sink.changedNow(change);
        }
        changes(sink).add(change);
    }

    /** A bulk write of {@code type}, as {@link #changed}. */
    void bulkChanged(ChangeSink sink, Class<?> type, boolean inTransaction) {
        if (!inTransaction) {
            sink.bulkChangedNow(type);
        }
        changes(sink).addBulk(type);
    }

    /**
     * Rows of {@code types} were written in bulk through this listener's session (see {@link BulkWrites}): in flight
     * until its transaction completes, and committed at once too when the session may be in none.
     */
    void bulkWritten(ChangeSource source, Set<Class<?>> types, boolean inTransaction) {
        if (!inTransaction) {
            source.bulkCommitted(types);
        }
        if (bulkSource == null) {
            bulkSource = source;
            bulkTypes = new java.util.LinkedHashSet<>();
        }
        bulkTypes.addAll(types);
        source.bulkWriting(this, types);
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
        SharedSessionContractImplementor s = session;
        // unbound: the session never gave an entity to the application (see the class comment)
        if (s != null ? holdsNothing(s) : LISTENERS != null) {
            reset();
        }
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
        reset();
        session = null;
        ThreadState state = ThreadState.peek();
        if (state != null) {
            state.release(this);
        }
    }

    private void complete(boolean committed) {
        beganTransaction = false;
        TransactionChanges c = changes;
        changes = null;
        ChangeSource bs = bulkSource;
        if (bs != null) {
            Set<Class<?>> types = bulkTypes;
            bulkSource = null;
            bulkTypes = null;
            bs.bulkCompleted(this, types, committed);
        }
        if (c != null) {
            c.completed(committed);
        }
    }
}
