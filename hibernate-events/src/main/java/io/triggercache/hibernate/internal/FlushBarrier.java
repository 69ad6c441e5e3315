package io.triggercache.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;

import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ReadBarrier;

import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
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
 * or out of their transaction. A thread with no such session pays one thread-local read per cached call.
 *
 * <p>Thread-safe: all state is per thread.
 */
final class FlushBarrier implements ReadBarrier, PersistEventListener, MergeEventListener, DeleteEventListener,
        PostLoadEventListener {

    private static final long serialVersionUID = 1L;

    private final transient ChangeSource source;
    private final transient ThreadLocal<ArrayList<WeakReference<SessionImplementor>>> sessions = new ThreadLocal<>();
    private transient volatile ChangeSink registeredWith;

    FlushBarrier(ChangeSource source) {
        this.source = source;
    }

    @Override
    public void beforeRead() {
        ArrayList<WeakReference<SessionImplementor>> list = sessions.get();
        if (list == null) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            SessionImplementor s = list.get(i).get();
            if (s == null || s.isClosed() || !s.isTransactionInProgress()) {
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

    private void bind(Object event) {
        SharedSessionContractImplementor session = Events.session(event);
        if (!(session instanceof SessionImplementor s) || !session.isEventSource() || !session.isTransactionInProgress()) {
            return;
        }
        ChangeSink sink = source.sink();
        if (sink == null) {
            return;
        }
        if (registeredWith != sink) {
            sink.addReadBarrier(this);
            registeredWith = sink;
        }
        ArrayList<WeakReference<SessionImplementor>> list = sessions.get();
        if (list == null) {
            list = new ArrayList<>(2);
            sessions.set(list);
        }
        for (WeakReference<SessionImplementor> ref : list) {
            if (ref.get() == s) {
                return;
            }
        }
        list.add(new WeakReference<>(s));
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
}
