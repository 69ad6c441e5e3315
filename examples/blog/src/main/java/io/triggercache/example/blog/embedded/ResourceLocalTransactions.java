package io.triggercache.example.blog.embedded;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Transactional;

/**
 * {@code @Transactional} for the embedded run, over the request's resource-local {@link EntityManager}:
 * joins a transaction already active, otherwise begins one and commits it when the method returns (or
 * throws a checked exception), rolling back on a runtime exception or error, as JTA's {@code REQUIRED}
 * does. In an application server the container's interceptor takes this place.
 *
 * <p>Same priority as the JTA interceptors (platform, before), so it wraps the {@code @Cached}
 * interceptor: a cached call inside a transaction sees that transaction's pending changes.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ResourceLocalTransactions {

    @Inject
    EntityManager entityManager;

    @AroundInvoke
    Object inTransaction(InvocationContext context) throws Exception {
        EntityTransaction tx = entityManager.getTransaction();
        if (tx.isActive()) {
            return context.proceed();
        }
        tx.begin();
        Object result;
        try {
            result = context.proceed();
        } catch (RuntimeException | Error e) {
            rollback(tx, e);
            throw e;
        } catch (Exception checked) {
            commit(tx);
            throw checked;
        }
        commit(tx);
        return result;
    }

    private static void commit(EntityTransaction tx) {
        if (tx.getRollbackOnly()) {
            tx.rollback();
        } else {
            tx.commit();
        }
    }

    private static void rollback(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
