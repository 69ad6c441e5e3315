package io.triggercache.cdc;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Resource-local JPA on PostgreSQL, schema {@code cdc}, created afresh per container. */
@ApplicationScoped
public class CdcJpa {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private EntityManagerFactory emf;

    protected CdcJpa() {
    }

    @Inject
    public CdcJpa(BeanManager beans) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.jdbc.url", URL + "?currentSchema=cdc");
        props.put("jakarta.persistence.jdbc.user", "postgres");
        props.put("jakarta.persistence.jdbc.password", "");
        props.put("hibernate.default_schema", "cdc");
        props.put("jakarta.persistence.create-database-schemas", "true");
        props.put("jakarta.persistence.bean.manager", beans);
        emf = Persistence.createEntityManagerFactory("cdc", props);
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in a transaction of the application (through Hibernate and triggercache-hibernate). */
    public void tx(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    @PreDestroy
    void close() {
        emf.close();
    }
}
