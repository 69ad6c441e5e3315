package io.triggercache.spi;

import io.triggercache.Change;

/**
 * Where change sources report changes: implemented by the triggercache engine, one instance per
 * deployment. Change sources (the Hibernate ORM listeners, the JPA entity listeners) find the sink of
 * their deployment through the container's bean manager or {@link ChangeSinks}, never through a
 * JVM-wide singleton.
 *
 * <p>Inside a transaction a source obtains the transaction's {@link TransactionChanges} with
 * {@link #transaction(Object)}, adds each change to it, and reports the outcome after completion;
 * outside any transaction it calls {@link #changedNow(Change)}.
 *
 * <p>Implementations are thread-safe.
 */
public interface ChangeSink {

    /**
     * Whether any trigger of this deployment names {@code type} or one of its supertypes. Sources call it
     * first to skip building changes nobody listens to. Constant time.
     */
    boolean watches(Class<?> type);

    /**
     * The pending changes of a transaction, created on first use and bound to the calling thread until
     * {@link TransactionChanges#completed(boolean)} (so that cached calls on that thread see their own
     * writes).
     *
     * @param transactionKey the source's identity for the transaction (the JTA transaction, or the
     *                       session for a resource-local one); equal keys give the same instance
     */
    TransactionChanges transaction(Object transactionKey);

    /** A change made outside any transaction (auto-commit): its groups are dropped now. */
    void changedNow(Change change);

    /**
     * Rows of {@code type} changed but which ones is unknown (bulk DML) outside any transaction: every
     * method with a trigger on the type (or a subtype or supertype) is dropped now.
     */
    void bulkChangedNow(Class<?> type);

    /**
     * Registers a barrier called before every cached read (see {@link ReadBarrier}). Registering the same
     * barrier twice has no effect. The default does nothing, for sinks that read nothing.
     */
    default void addReadBarrier(ReadBarrier barrier) {
    }

    /** Removes a barrier registered with {@link #addReadBarrier}. */
    default void removeReadBarrier(ReadBarrier barrier) {
    }
}
