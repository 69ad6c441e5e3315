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
}
