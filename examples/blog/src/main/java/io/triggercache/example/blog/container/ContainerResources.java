package io.triggercache.example.blog.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;

/**
 * In an application server: the container's persistence unit {@code blog} ({@code META-INF/persistence.xml},
 * JTA) as the {@link EntityManager} and {@link EntityManagerFactory} the services inject. The embedded run
 * leaves this class out ({@code META-INF/beans.xml}) and uses its own producers.
 */
@ApplicationScoped
public class ContainerResources {

    @Produces
    @PersistenceContext(unitName = "blog")
    EntityManager entityManager;

    @Produces
    @PersistenceUnit(unitName = "blog")
    EntityManagerFactory entityManagerFactory;
}
