package io.triggercache.cdi;

import io.triggercache.engine.TransactionBridge;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's JTA transactions, through its {@code TransactionSynchronizationRegistry}. */
final class JtaBridge implements TransactionBridge {

    private final TransactionSynchronizationRegistry registry;

    JtaBridge(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /**
     * The bridge of this container, or {@link TransactionBridge#NONE} outside a JTA environment. Callers check
     * first that the JTA API is present: this class does not load without it.
     */
    static TransactionBridge lookup() {
        try {
            Object r = new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            return r instanceof TransactionSynchronizationRegistry tsr ? new JtaBridge(tsr) : NONE;
        } catch (NamingException | RuntimeException e) {
            return NONE;
        }
    }

    /** The key of the thread's transaction, also when it is already marked for rollback (it is still in progress). */
    @Override
    public Object currentTransaction() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK ? registry.getTransactionKey() : null;
    }

    @Override
    public void afterCompletion(Consumer<Boolean> callback) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                callback.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }
}
