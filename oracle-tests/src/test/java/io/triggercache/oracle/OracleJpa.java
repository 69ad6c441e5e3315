package io.triggercache.oracle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Resource-local JPA for the oracle: one EntityManagerFactory per container, the thread's current transaction
 * for the cached methods to read through (as a request-scoped persistence context would), and every writing
 * commit through the {@link CommitGate}. Transactions nest on one thread (the previous one is restored).
 */
@ApplicationScoped
public class OracleJpa {

    /** The database of the next container; set by the test before it boots Weld. */
    static volatile OracleDatabase database = OracleDatabase.H2;

    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

    private EntityManagerFactory emf;
    private final CommitLog commits = new CommitLog();
    private final CommitGate gate = new CommitGate(commits);

    protected OracleJpa() {
    }

    @Inject
    public OracleJpa(BeanManager beans) {
        Map<String, Object> props = database.properties();
        props.put("jakarta.persistence.bean.manager", beans);
        emf = Persistence.createEntityManagerFactory("oracle", props);
    }

    CommitGate gate() {
        return gate;
    }

    CommitLog commits() {
        return commits;
    }

    /** Runs {@code work} in a transaction whose commit goes through the gate (rolled back if it throws). */
    public <T> T tx(Function<EntityManager, T> work) {
        return run(work, true);
    }

    /** Runs {@code work} in a transaction that writes nothing: committed outside the gate (usable inside a quiet read). */
    public <T> T readTx(Function<EntityManager, T> work) {
        return run(work, false);
    }

    private <T> T run(Function<EntityManager, T> work, boolean writes) {
        EntityManager em = emf.createEntityManager();
        EntityManager previous = CURRENT.get();
        CURRENT.set(em);
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            if (writes) {
                gate.commit(em.getTransaction()::commit);
            } else {
                em.getTransaction().commit();
            }
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            restore(previous);
            em.close();
        }
    }

    /** An open transaction on this thread, committed later through {@link Open#commit()}: for interleavings. */
    Open open() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        return new Open(em);
    }

    /** Runs {@code work} in a StatelessSession transaction whose commit goes through the gate. */
    public <T> T stateless(Function<StatelessSession, T> work) {
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            try {
                T result = work.apply(s);
                gate.commit(s.getTransaction()::commit);
                return result;
            } catch (RuntimeException e) {
                if (s.getTransaction().isActive()) {
                    s.getTransaction().rollback();
                }
                throw e;
            }
        }
    }

    /** Reads with the calling thread's transaction if it has one, else with a short-lived EntityManager. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = CURRENT.get();
        if (em != null) {
            return work.apply(em);
        }
        em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    public SessionFactory sessionFactory() {
        return emf.unwrap(SessionFactory.class);
    }

    private static void restore(EntityManager previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    @PreDestroy
    void close() {
        emf.close();
    }

    /** A transaction left open on purpose; the thread's current one while {@link #use} runs. */
    final class Open implements AutoCloseable {
        private final EntityManager em;

        private Open(EntityManager em) {
            this.em = em;
        }

        /** Runs {@code work} with this transaction as the thread's current one. */
        <T> T use(Function<EntityManager, T> work) {
            EntityManager previous = CURRENT.get();
            CURRENT.set(em);
            try {
                return work.apply(em);
            } finally {
                restore(previous);
            }
        }

        /** Commits through the gate (with this transaction as the thread's current one). */
        void commit() {
            use(e -> {
                gate.commit(e.getTransaction()::commit);
                return null;
            });
        }

        /** Commits a transaction that wrote nothing, outside the gate. */
        void commitReadOnly() {
            use(e -> {
                e.getTransaction().commit();
                return null;
            });
        }

        @Override
        public void close() {
            if (em.getTransaction().isActive()) {
                use(e -> {
                    e.getTransaction().rollback();
                    return null;
                });
            }
            em.close();
        }
    }
}
