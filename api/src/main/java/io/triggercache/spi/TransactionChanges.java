package io.triggercache.spi;

import io.triggercache.Change;

/**
 * The changes pending in one transaction, matched against the triggers as they arrive and applied
 * when it commits. Obtained from {@link ChangeSink#transaction(Object)}.
 *
 * <p>Not thread-safe, but {@link #completed(boolean)} may be called from another thread than the one
 * that added the changes (a JTA transaction reaper).
 */
public interface TransactionChanges {

    /** Matches a change against the triggers and records the groups it affects. */
    void add(Change change);

    /** Records that rows of {@code type} changed but which ones is unknown (bulk DML). */
    void addBulk(Class<?> type);

    /**
     * Ends the transaction: after a successful commit the recorded groups are dropped from the store (and
     * this returns once that is done or has been recorded as owed); after a rollback nothing is dropped.
     * Either way the pending set is released. Idempotent.
     *
     * @param committed whether the database transaction committed
     */
    void completed(boolean committed);
}
