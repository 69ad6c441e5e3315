package io.triggercache.hibernate.jta;

import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import javax.transaction.xa.XAResource;

import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * A minimal JTA transaction manager for one thread's nested transactions (Narayana is not on this module's test
 * class path): begin, suspend, resume, commit, and synchronizations. It enlists no resource: the connections stay
 * Hibernate's, which is enough to see what a session flushes and when.
 */
public final class FakeTransactionManager implements TransactionManager {

    private final ThreadLocal<FakeTransaction> current = new ThreadLocal<>();

    /** A JtaPlatform handing out this manager. */
    public AbstractJtaPlatform platform() {
        FakeTransactionManager tm = this;
        return new AbstractJtaPlatform() {
            @Override
            protected TransactionManager locateTransactionManager() {
                return tm;
            }

            @Override
            protected jakarta.transaction.UserTransaction locateUserTransaction() {
                throw new UnsupportedOperationException("not used by these tests");
            }
        };
    }

    @Override
    public void begin() {
        if (current.get() != null) {
            throw new IllegalStateException("nested begin: suspend first");
        }
        current.set(new FakeTransaction());
    }

    @Override
    public void commit() {
        complete(Status.STATUS_COMMITTED);
    }

    @Override
    public void rollback() {
        complete(Status.STATUS_ROLLEDBACK);
    }

    /** As a real manager: before completion on the transaction's thread while it is current, after it without. */
    private void complete(int outcome) {
        FakeTransaction tx = current.get();
        for (Synchronization s : tx.synchronizations) {
            s.beforeCompletion();
        }
        current.remove();
        tx.status = outcome;
        for (Synchronization s : tx.synchronizations) {
            s.afterCompletion(outcome);
        }
    }

    @Override
    public int getStatus() {
        FakeTransaction tx = current.get();
        return tx == null ? Status.STATUS_NO_TRANSACTION : tx.status;
    }

    @Override
    public Transaction getTransaction() {
        return current.get();
    }

    @Override
    public void resume(Transaction tx) {
        current.set((FakeTransaction) tx);
    }

    @Override
    public void setRollbackOnly() {
        current.get().status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public void setTransactionTimeout(int seconds) {
    }

    @Override
    public Transaction suspend() {
        FakeTransaction tx = current.get();
        current.remove();
        return tx;
    }

    static final class FakeTransaction implements Transaction {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> synchronizations = new ArrayList<>();

        @Override
        public void commit() {
            throw new UnsupportedOperationException("commit through the manager");
        }

        @Override
        public boolean delistResource(XAResource xaRes, int flag) {
            return false;
        }

        @Override
        public boolean enlistResource(XAResource xaRes) {
            return false;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void registerSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public void rollback() {
            throw new UnsupportedOperationException("roll back through the manager");
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
