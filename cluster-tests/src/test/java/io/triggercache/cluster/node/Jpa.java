package io.triggercache.cluster.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Resource-local JPA of one node: its own session factory over the shared database. */
@ApplicationScoped
public class Jpa {

    private EntityManagerFactory emf;

    protected Jpa() {
    }

    @Inject
    public Jpa(BeanManager beans) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", NodeMain.settings.jdbcUrl());
        properties.put("jakarta.persistence.jdbc.user", NodeMain.settings.jdbcUser());
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("jakarta.persistence.bean.manager", beans);
        // the "burst" command runs 32 callers at once, each in its own transaction: Hibernate's built-in pool (20 by
        // default) ran out on a loaded machine ("reached its maximum size"), so hold enough for every caller
        properties.put("hibernate.connection.pool_size", "48");
        emf = Persistence.createEntityManagerFactory("cluster", properties);
    }

    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
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
            em.close();
        }
    }

    void close() {
        emf.close();
    }
}
