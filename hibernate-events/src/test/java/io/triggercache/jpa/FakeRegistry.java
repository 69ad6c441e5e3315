package io.triggercache.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JTA transaction driven by the test, seen through the {@link TransactionSynchronizationRegistry} interface the
 * listener uses, and a JNDI context that serves it as {@code java:comp/TransactionSynchronizationRegistry}.
 */
public final class FakeRegistry implements TransactionSynchronizationRegistry {

    /** The registry JNDI serves; set by the test. */
    static volatile FakeRegistry current;

    private Object key;
    private int status = Status.STATUS_NO_TRANSACTION;
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> interposed = new ArrayList<>();
    int transactionsBegun;

    void begin() {
        key = "tx-" + (++transactionsBegun);
        status = Status.STATUS_ACTIVE;
    }

    /** Ends the transaction and tells the synchronizations how it ended, as a transaction manager does. */
    void end(boolean committed) {
        List<Synchronization> syncs = new ArrayList<>(interposed);
        status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
        for (Synchronization s : syncs) {
            s.afterCompletion(status);
        }
        interposed.clear();
        resources.clear();
        key = null;
        status = Status.STATUS_NO_TRANSACTION;
    }

    int synchronizations() {
        return interposed.size();
    }

    @Override
    public Object getTransactionKey() {
        return key;
    }

    @Override
    public void putResource(Object k, Object value) {
        requireTransaction();
        resources.put(k, value);
    }

    @Override
    public Object getResource(Object k) {
        requireTransaction();
        return resources.get(k);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        requireTransaction();
        interposed.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return status;
    }

    @Override
    public void setRollbackOnly() {
        requireTransaction();
        status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        requireTransaction();
        return status == Status.STATUS_MARKED_ROLLBACK;
    }

    private void requireTransaction() {
        if (key == null) {
            throw new IllegalStateException("no transaction");
        }
    }

    /** Serves {@link #current} under {@code java:comp/TransactionSynchronizationRegistry}. */
    public static final class Jndi implements InitialContextFactory {
        @Override
        public Context getInitialContext(java.util.Hashtable<?, ?> environment) {
            return (Context) java.lang.reflect.Proxy.newProxyInstance(Jndi.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args.length == 1
                                && "java:comp/TransactionSynchronizationRegistry".equals(String.valueOf(args[0])) && current != null) {
                            return current;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new NamingException("not bound: " + (args == null ? method.getName() : args[0]));
                    });
        }
    }
}
