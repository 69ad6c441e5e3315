package io.triggercache.it.server.fresh;

import io.triggercache.it.blog.Post;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs work in JTA transactions of each kind a CDI application declares with {@code @Transactional}, on the
 * container's transaction-scoped persistence context, and on another thread of the container's default managed
 * executor.
 */
@ApplicationScoped
public class FreshWork {

    @PersistenceContext(unitName = "blog")
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry registry;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Transactional(TxType.REQUIRED)
    public long newPost(String title) {
        Post p = new Post(title, true);
        em.persist(p);
        em.flush();
        return p.getId();
    }

    /** Runs {@code work} in the caller's transaction, or in a new one that commits on return. */
    @Transactional(TxType.REQUIRED)
    public <T> T required(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Suspends the caller's transaction and runs {@code work} in a new one, which commits on return. */
    @Transactional(TxType.REQUIRES_NEW)
    public <T> T requiresNew(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Suspends the caller's transaction, runs {@code work} in a new one, then marks that one rollback-only. */
    @Transactional(TxType.REQUIRES_NEW)
    public <T> T requiresNewThenRollbackOnly(Function<EntityManager, T> work) {
        T result = work.apply(em);
        registry.setRollbackOnly();
        return result;
    }

    /** Suspends the caller's transaction and runs {@code work} outside any. */
    @Transactional(TxType.NOT_SUPPORTED)
    public <T> T notSupported(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** The key of the calling thread's transaction, or {@code null} outside an active one. */
    public Object transactionKey() {
        return registry.getTransactionStatus() == Status.STATUS_ACTIVE ? registry.getTransactionKey() : null;
    }

    /** Runs {@code task} on a thread of the default managed executor and waits for its result (at most 30 s). */
    public <T> T onAnotherThread(Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the task on the other thread did not end within 30 s", e);
        }
    }
}
