package io.triggercache.engine;

import java.util.function.Consumer;

/**
 * Access to the container's transactions (JTA), for changes that reach the engine without a change
 * source that knows the transaction: application events and the {@code Invalidator}.
 */
public interface TransactionBridge {

    /** No transactions known: every such change applies at once. */
    TransactionBridge NONE = new TransactionBridge() {
        @Override
        public Object currentTransaction() {
            return null;
        }

        @Override
        public void afterCompletion(Consumer<Boolean> callback) {
            throw new IllegalStateException("no transaction");
        }
    };

    /** A key identifying the transaction active on this thread, or {@code null} if none is active. */
    Object currentTransaction();

    /** Calls {@code callback} with whether it committed, after the current transaction completes. */
    void afterCompletion(Consumer<Boolean> callback);
}
