package io.triggercache.it.blog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Resource-local JPA for the embedded tests: one EntityManagerFactory per container, transactions bound
 * to the calling thread. The BeanManager is handed to Hibernate as Jakarta EE servers do.
 */
@ApplicationScoped
public class Jpa {

    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

    private EntityManagerFactory emf;

    protected Jpa() {
    }

    @Inject
    public Jpa(BeanManager beans, Instance<JpaSettings> settings) {
        Map<String, Object> props = new HashMap<>(Databases.current().properties(UUID.randomUUID().toString()));
        props.put("jakarta.persistence.bean.manager", beans);
        if (settings.isResolvable()) {
            props.putAll(settings.get().properties());
        }
        emf = Persistence.createEntityManagerFactory("blog", props);
    }

    /** Runs {@code work} in a transaction that commits (or rolls back if it throws). */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        CURRENT.set(em);
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            CURRENT.remove();
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs {@code work} in a transaction that is rolled back at the end. */
    public <T> T rollback(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        CURRENT.set(em);
        try {
            em.getTransaction().begin();
            return work.apply(em);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            CURRENT.remove();
            em.close();
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

    public Statistics statistics() {
        return sessionFactory().getStatistics();
    }

    @PreDestroy
    void close() {
        emf.close();
    }
}
