package io.triggercache.jpa.internal;

import io.triggercache.Change;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JTA transactions of the container, through {@code java:comp/TransactionSynchronizationRegistry}: the pending
 * changes of a deployment are kept as a resource of the transaction, created with the first change and completed
 * by an interposed {@link Synchronization} after the transaction ends.
 */
final class Transactions {

    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private static final long LOOKUP_INTERVAL_NANOS = 1_000_000_000L;

    private final boolean lookUp;
    private volatile TransactionSynchronizationRegistry registry;
    private volatile long nextLookup;
    private volatile boolean missingLogged;

    private Transactions(TransactionSynchronizationRegistry registry, boolean lookUp) {
        this.registry = registry;
        this.lookUp = lookUp;
    }

    /**
     * The transactions of this environment, from JNDI. A failed lookup (no JTA here, or a thread without the
     * application's naming context, such as a server's startup thread) is retried at most once a second; meanwhile
     * every change is applied at once.
     */
    static Transactions lookup() {
        return new Transactions(null, true);
    }

    /** Fixed transactions (Java SE, tests); {@code null}: none, every change is applied at once. */
    static Transactions of(TransactionSynchronizationRegistry registry) {
        return new Transactions(registry, false);
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r != null || !lookUp) {
            return r;
        }
        long now = System.nanoTime();
        if (now - nextLookup < 0) {
            return null;
        }
        Throwable failure;
        try {
            Object found = new InitialContext().lookup(REGISTRY);
            if (found instanceof TransactionSynchronizationRegistry tsr) {
                registry = tsr;
                return tsr;
            }
            failure = new ClassCastException(String.valueOf(found));
        } catch (NamingException | RuntimeException | LinkageError e) {
            failure = e;
        }
        nextLookup = now + LOOKUP_INTERVAL_NANOS;
        if (!missingLogged) {
            missingLogged = true;
            Log.noTransactionRegistry(failure);
        }
        return null;
    }

    /**
     * The changes of the transaction on this thread for {@code sink}, or {@code null} outside a transaction.
     * A transaction already marked for rollback counts: its changes are dropped when it completes.
     */
    TransactionChanges current(ChangeSink sink) {
        TransactionSynchronizationRegistry registry = registry();
        if (registry == null || registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        Object key = registry.getTransactionKey();
        if (key == null) {
            return null;
        }
        ResourceKey resource = new ResourceKey(sink);
        TransactionChanges changes = (TransactionChanges) registry.getResource(resource);
        if (changes == null) {
            Completion completion = new Completion();
            try {
                registry.registerInterposedSynchronization(completion);
            } catch (IllegalStateException e) {
                Log.cannotRegister(key, e);
                return new Immediate(sink);
            }
            changes = sink.transaction(key);
            completion.changes = changes;
            registry.putResource(resource, changes);
        }
        return changes;
    }

    /** The key of a deployment's changes among a transaction's resources. */
    private record ResourceKey(ChangeSink sink) {
    }

    /** Completes the changes with the transaction's outcome. */
    private static final class Completion implements Synchronization {
        private volatile TransactionChanges changes;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            TransactionChanges c = changes;
            if (c != null) {
                c.completed(status == Status.STATUS_COMMITTED);
            }
        }
    }

    /** For a transaction whose completion cannot be observed: each change is applied at once. */
    private record Immediate(ChangeSink sink) implements TransactionChanges {
        @Override
        public void add(Change change) {
            sink.changedNow(change);
        }

        @Override
        public void addBulk(Class<?> type) {
            sink.bulkChangedNow(type);
        }

        @Override
        public void completed(boolean committed) {
        }
    }
}
