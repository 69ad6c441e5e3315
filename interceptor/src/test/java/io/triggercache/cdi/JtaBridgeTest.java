package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JTA bridge: which transactions count as in progress, and what a completion reports. */
class JtaBridgeTest {

    /** A registry whose status the test sets; records the synchronizations registered with it. */
    static final class FakeRegistry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        final List<Synchronization> synchronizations = new ArrayList<>();

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : "tx-key";
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    @Test
    void currentTransaction_activeOrMarkedRollback_isInProgress_noTransaction_isNot() {
        FakeRegistry registry = new FakeRegistry();
        JtaBridge bridge = new JtaBridge(registry);
        assertThat(bridge.currentTransaction()).isNull();
        registry.status = Status.STATUS_ACTIVE;
        assertThat(bridge.currentTransaction()).isEqualTo("tx-key");
        registry.setRollbackOnly();                                   // still in progress: its events wait for the end
        assertThat(bridge.currentTransaction()).isEqualTo("tx-key");
    }

    @Test
    void afterCompletion_reportsCommitOnlyForCommitted() {
        FakeRegistry registry = new FakeRegistry();
        registry.status = Status.STATUS_MARKED_ROLLBACK;
        JtaBridge bridge = new JtaBridge(registry);
        List<Boolean> outcomes = new ArrayList<>();
        bridge.afterCompletion(outcomes::add);
        bridge.afterCompletion(outcomes::add);
        registry.synchronizations.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        registry.synchronizations.get(1).afterCompletion(Status.STATUS_COMMITTED);
        assertThat(outcomes).containsExactly(false, true);
    }
}
