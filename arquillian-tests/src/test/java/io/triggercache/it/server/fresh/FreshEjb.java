package io.triggercache.it.server.fresh;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Function;

/**
 * Runs work in container-managed EJB transactions of each kind ({@code @TransactionAttribute}), on the container's
 * transaction-scoped persistence context: the other way servers demarcate transactions.
 */
@Stateless
public class FreshEjb {

    @PersistenceContext(unitName = "blog")
    EntityManager em;
    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T required(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T requiresNew(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Runs {@code work} in a new transaction, then marks it for rollback: nothing it did may stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T requiresNewThenRollback(Function<EntityManager, T> work) {
        T result = work.apply(em);
        context.setRollbackOnly();
        return result;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T notSupported(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
