package io.triggercache.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;

import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ReadBarrier;
import io.triggercache.spi.TransactionChanges;

import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.ClearEvent;
import org.hibernate.event.spi.ClearEventListener;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/**
 * Makes a cached read inside a transaction see that transaction's unflushed writes, as a Hibernate query
 * would: before each cached read the engine calls {@link #beforeRead()}, which flushes the sessions of the
 * calling thread that are in a transaction, in flush mode {@code AUTO} or {@code ALWAYS}, and dirty. The flush
 * reports the changes as usual, so the engine then bypasses the methods they affect.
 *
 * <p>A session becomes known to this thread when it persists, merges, removes or loads an entity inside a
 * transaction (the only ways it can hold unflushed changes). Sessions are held weakly and forgotten once closed
 * or out of their transaction. A thread with no such session pays one thread-local read per cached call. Under
 * JTA a session is flushed only while the transaction it joined is the thread's current one: the session of an
 * outer transaction suspended by {@code REQUIRES_NEW} or {@code NOT_SUPPORTED} is left alone.
 *
 * <p>It also answers {@link #readsSince()}: the oldest view of the sessions open on the thread (see
 * {@link SessionActivity}); its entity events bind each session to its {@code SessionActivity} and follow a
 * session that moves to another thread (an extended persistence context).
 *
 * <p>Thread-safe: all state is per thread.
 */
final class FlushBarrier implements ReadBarrier, PersistEventListener, MergeEventListener, DeleteEventListener,
        PostLoadEventListener, LoadEventListener, ClearEventListener {

    private static final long serialVersionUID = 1L;

    private final transient ChangeSource source;
    private final transient ThreadLocal<ArrayList<Bound>> sessions = new ThreadLocal<>();
    private transient volatile ChangeSink registeredWith;

    /** A session of this thread, with the JTA transaction it was bound in ({@code null}: resource-local). */
    private static final class Bound extends WeakReference<SessionImplementor> {
        Object jtaTransaction;

        Bound(SessionImplementor session, Object jtaTransaction) {
            super(session);
            this.jtaTransaction = jtaTransaction;
        }
    }

    FlushBarrier(ChangeSource source) {
        this.source = source;
    }

    @Override
    public void beforeRead() {
        ArrayList<Bound> list = sessions.get();
        if (list == null) {
            return;
        }
        Object current = null;
        boolean currentKnown = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            Bound b = list.get(i);
            SessionImplementor s = b.get();
            if (s == null || s.isClosed()) {
                list.remove(i);
                continue;
            }
            if (b.jtaTransaction != null) {
                // asked first: under JTA isTransactionInProgress() asks about the thread's current transaction, so a
                // session whose transaction is only suspended (NOT_SUPPORTED) would look finished and be forgotten
                if (!currentKnown) {
                    current = source.currentJtaTransaction();
                    currentKnown = true;
                }
                if (current != b.jtaTransaction) {
                    if (finished(b.jtaTransaction)) {
                        list.remove(i);         // its transaction is over: it cannot hold this thread's writes again
                    }
                    continue;                   // joined to a suspended transaction: its writes are not this transaction's
                }
            }
            if (!s.isTransactionInProgress()) {
                list.remove(i);
                continue;
            }
            FlushMode mode = s.getHibernateFlushMode();
            if ((mode == FlushMode.AUTO || mode == FlushMode.ALWAYS) && s.isDirty()) {
                s.flush();
            }
        }
        if (list.isEmpty()) {
            sessions.remove();
        }
    }

    /** Whether a JTA transaction (as {@code ChangeSource.currentJtaTransaction()} gave it) has completed or cannot be asked. */
    private static boolean finished(Object jtaTransaction) {
        if (!(jtaTransaction instanceof jakarta.transaction.Transaction t)) {
            return false;
        }
        try {
            int status = t.getStatus();
            return status == jakarta.transaction.Status.STATUS_COMMITTED || status == jakarta.transaction.Status.STATUS_ROLLEDBACK
                    || status == jakarta.transaction.Status.STATUS_NO_TRANSACTION || status == jakarta.transaction.Status.STATUS_UNKNOWN;
        } catch (jakarta.transaction.SystemException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The earliest time from which data that a load on this thread may read could date: the oldest view of the
     * sessions open on the thread, or {@link Long#MAX_VALUE} (see {@link SessionActivity}).
     */
    @Override
    public long readsSince() {
        ThreadState state = ThreadState.peek();
        return state == null ? Long.MAX_VALUE : state.readsSince();
    }

    /**
     * The pending changes of the resource-local transaction of the most recently bound session of this thread that
     * has one in progress, for writes reported by hand inside it ({@code Invalidator}, application events: I8).
     * Under JTA the engine finds the container's transaction itself, so this answers {@code null}; so it does for a
     * session Hibernate has seen no entity operation of yet (a transaction that only ran {@code doWork}).
     */
    @Override
    public TransactionChanges currentTransaction() {
        if (source.jta()) {
            return null;
        }
        ArrayList<Bound> list = sessions.get();
        if (list == null) {
            return null;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            SessionImplementor s = list.get(i).get();
            if (s != null && !s.isClosed() && s.isTransactionInProgress()) {
                ChangeSink sink = source.sink();
                return sink == null ? null : source.transactionChanges(s, sink);
            }
        }
        return null;
    }

    private void bind(Object event) {
        SharedSessionContractImplementor session = Events.session(event);
        if (session == null || source.sink() == null) { // the first lookup also registers this barrier
            return;
        }
        SessionActivity activity = SessionActivity.of(session);
        if (activity != null) {
            activity.used();
        }
        if (!(session instanceof SessionImplementor s) || !session.isEventSource() || !session.isTransactionInProgress()) {
            return;
        }
        ArrayList<Bound> list = sessions.get();
        if (list == null) {
            list = new ArrayList<>(2);
            sessions.set(list);
        }
        for (Bound b : list) {
            if (b.get() == s) {
                if (b.jtaTransaction != null) {
                    b.jtaTransaction = source.currentJtaTransaction();
                }
                return;
            }
        }
        list.add(new Bound(s, source.currentJtaTransaction()));
    }

    /** Registers this barrier with {@code sink}, once per sink (called when the source finds its sink). */
    void register(ChangeSink sink) {
        if (registeredWith != sink) {
            sink.addReadBarrier(this);
            registeredWith = sink;
        }
    }

    /** Forgets the sink, when the session factory closes. */
    void unregister() {
        ChangeSink sink = registeredWith;
        if (sink != null) {
            sink.removeReadBarrier(this);
            registeredWith = null;
        }
    }

    @Override
    public void onPersist(PersistEvent event) {
        bind(event);
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        bind(event);
    }

    @Override
    public void onMerge(MergeEvent event) {
        bind(event);
    }

    @Override
    public void onMerge(MergeEvent event, MergeContext copiedAlready) {
        bind(event);
    }

    @Override
    public void onDelete(DeleteEvent event) {
        bind(event);
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        bind(event);
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        bind(event);
    }

    /** A load, possibly answered from the persistence context without a statement: the session is used here. */
    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        SharedSessionContractImplementor session = Events.session(event);
        if (session != null && source.sink() != null) {
            SessionActivity activity = SessionActivity.of(session);
            if (activity != null) {
                activity.used();
            }
        }
    }

    @Override
    public void onClear(ClearEvent event) {
        SharedSessionContractImplementor session = Events.session(event);
        if (session != null) {
            SessionActivity activity = SessionActivity.of(session);
            if (activity != null) {
                activity.cleared();
            }
        }
    }
}
