package com.example.gettingstarted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;

/**
 * What an application server does for you: one {@link EntityManagerFactory}, and an {@link EntityManager} per
 * request. Handing Hibernate the CDI {@link BeanManager} is how the triggercache Hibernate integrator finds the
 * cache engine of this application.
 */
@ApplicationScoped
public class Persistence {

    @Produces
    @Singleton
    EntityManagerFactory entityManagerFactory(BeanManager beans) {
        return jakarta.persistence.Persistence.createEntityManagerFactory("getting-started",
                Map.of("jakarta.persistence.bean.manager", beans));
    }

    void close(@Disposes EntityManagerFactory factory) {
        factory.close();
    }

    @Produces
    @RequestScoped
    EntityManager entityManager(EntityManagerFactory factory) {
        return factory.createEntityManager();
    }

    void close(@Disposes EntityManager em) {
        if (em.isOpen()) {
            em.close();
        }
    }
}
