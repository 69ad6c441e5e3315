package io.triggercache.hibernate.internal;

import java.util.Set;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * What the listeners, the statement inspector and {@link SessionActivity} tell each other about the statement
 * the current thread is executing. Hibernate hands none of them the others' context (a statement inspector does
 * not know its session; a 6.6 StatelessSession event carries no session), but all of them run on the thread
 * that executes the statement, in a fixed order:
 * <ul>
 *   <li>a pre-insert/update/delete/upsert or pre-collection event opens an <em>entity write</em>: the
 *       statements until the matching post event write that entity's own tables and are not bulk DML;</li>
 *   <li>an auto-flush event of a {@code Session} inside a transaction immediately precedes the statements of a
 *       query (Hibernate auto-flushes before executing HQL, Criteria and native queries): it
 *       <em>marks</em> the session, and the next statement consumes the mark;</li>
 *   <li>the statement inspector sees the SQL, then the session's {@link SessionActivity} is told that the
 *       statement is being prepared: a bulk statement the inspector could not attribute to a marked session
 *       is left <em>pending</em> and claimed there.</li>
 * </ul>
 * It also lists the <em>views</em> open on the thread: the sessions ({@link SessionActivity}) that read data which
 * a later load on this thread may still see (see {@link #readsSince()}).
 *
 * <p>Everything is cleared once used, and the thread-local itself is dropped when empty so that pooled threads do
 * not pin a redeployed application's classes.
 */
final class ThreadState {

    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();

    /** The session (through its activity listener) that last prepared or executed a statement on this thread. */
    SessionActivity activity;

    /** Normalized tables of the entity write in progress, or null. */
    Set<String> entityWrite;

    ChangeSource markSource;
    SharedSessionContractImplementor markSession;
    Set<String> markSpaces;

    ChangeSource pendingSource;
    Set<Class<?>> pendingTypes;

    /**
     * The sessions whose view was started or last used on this thread. An entry whose view was reset, or which
     * moved to another thread since, is skipped and dropped lazily; only this thread changes the array.
     */
    private SessionActivity[] views = NO_VIEWS;
    private int viewCount;

    private static final SessionActivity[] NO_VIEWS = new SessionActivity[0];

    static ThreadState get() {
        ThreadState s = STATE.get();
        if (s == null) {
            s = new ThreadState();
            STATE.set(s);
        }
        return s;
    }

    /** The state of this thread if it has any, without creating it. */
    static ThreadState peek() {
        return STATE.get();
    }

    void mark(ChangeSource source, SharedSessionContractImplementor session, Set<String> spaces) {
        markSource = source;
        markSession = session;
        markSpaces = spaces;
        entityWrite = null;
    }

    void clearMark() {
        markSource = null;
        markSession = null;
        markSpaces = null;
    }

    void pending(ChangeSource source, Set<Class<?>> types) {
        pendingSource = source;
        pendingTypes = types;
    }

    void clearPending() {
        pendingSource = null;
        pendingTypes = null;
    }

    /** Lists {@code view} among this thread's views (it is not listed yet). */
    void addView(SessionActivity view) {
        if (viewCount == views.length) {
            views = java.util.Arrays.copyOf(views, Math.max(2, viewCount * 2));
        }
        views[viewCount++] = view;
    }

    /** Stops listing {@code view}, if listed. */
    void removeView(SessionActivity view) {
        for (int i = 0; i < viewCount; i++) {
            if (views[i] == view) {
                removeViewAt(i);
                return;
            }
        }
    }

    private void removeViewAt(int i) {
        views[i] = views[--viewCount];
        views[viewCount] = null;
    }

    /**
     * The start of the oldest view listed here ({@link SessionActivity#since()}), or {@link Long#MAX_VALUE} when
     * none is open. Drops the entries that no longer belong to this thread.
     */
    long readsSince() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < viewCount; ) {
            SessionActivity v = views[i];
            long since = v.since();
            if (since == Long.MAX_VALUE || v.owner() != this) {
                removeViewAt(i);
                continue;
            }
            if (since < min) {
                min = since;
            }
            i++;
        }
        return min;
    }

    /** Forgets {@code finished}, which is ending, and drops the thread-local if nothing is left. */
    void release(SessionActivity finished) {
        if (activity == finished) {
            activity = null;
        }
        entityWrite = null;
        dropIfEmpty();
    }

    void dropIfEmpty() {
        if (viewCount > 0) {
            readsSince(); // drops the views that were reset or moved away
        }
        if (STATE.get() == this && activity == null && entityWrite == null && markSource == null && pendingSource == null
                && viewCount == 0) {
            STATE.remove();
        }
    }
}
