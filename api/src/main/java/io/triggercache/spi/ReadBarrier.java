package io.triggercache.spi;

/**
 * A change source's chance to surface a transaction's unflushed changes before a cached read, as an ORM
 * flushes before running a query (Hibernate's {@code FlushMode.AUTO}). Without it, a cached hit inside a
 * transaction that persisted or modified entities but had not flushed them yet would return the value from
 * before the transaction.
 *
 * <p>Registered with {@link ChangeSink#addReadBarrier}. The engine calls {@link #beforeRead()} on the calling
 * thread before each cached read; a barrier that finds pending work flushes it, which reports the changes
 * to the transaction's {@link TransactionChanges} as usual, so the read then bypasses the affected methods.
 *
 * <p>Must be thread-safe and cheap when the calling thread has nothing pending (a thread-local read).
 * An exception thrown (a flush that fails) propagates to the caller, as it would from a query.
 */
@FunctionalInterface
public interface ReadBarrier {

    /** Flushes the calling thread's pending changes, if it has any. */
    void beforeRead();

    /**
     * The earliest time, in epoch nanoseconds by {@link ViewClock#now()}, taken before the view's first read, from which data that a load
     * on the calling thread may read could date, or {@link Long#MAX_VALUE} when this source holds no older
     * snapshot for the thread (everything read through it is read as committed at the moment of reading).
     *
     * <p>A source answers the start of the oldest view it holds open for the thread: for Hibernate, the first
     * statement of a session that is still open on the thread (its persistence context may hold entities read
     * then, and under REPEATABLE READ or SERIALIZABLE its transaction reads the snapshot taken then). The engine
     * asks after a load and stores the result only if this time is later than the last invalidation of the
     * entry's group ({@link LoadTicket#invalidatedAt()}); the caller gets the value either way.
     *
     * <p>Must be cheap: a thread-local read when the thread holds nothing.
     */
    default long readsSince() {
        return Long.MAX_VALUE;
    }

    /**
     * The pending changes of the transaction the calling thread is in, as this source tracks it, or {@code null}
     * when the thread is in no transaction this source knows of. The source obtains it with
     * {@link ChangeSink#transaction(Object)} under its usual key and completes it when the transaction ends, as for
     * an entity change; the engine calls this for writes reported by hand inside a transaction (an
     * {@link io.triggercache.Invalidator} call, an application event), so that they become pending, apply after
     * the commit, and apply not at all on rollback (I8).
     *
     * <p>For Hibernate: the most recently used session on the thread whose resource-local transaction is in
     * progress. The default, for sources without transactions, is {@code null}.
     */
    default TransactionChanges currentTransaction() {
        return null;
    }
}
