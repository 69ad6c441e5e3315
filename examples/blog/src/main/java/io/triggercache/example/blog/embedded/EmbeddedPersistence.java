package io.triggercache.example.blog.embedded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Properties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * JPA for the embedded run: a resource-local Hibernate ORM unit over H2, one {@link EntityManager} per
 * request. In an application server the container's JPA takes this place (the application's services
 * only {@code @Inject EntityManager}).
 *
 * <p>Hibernate gets the CDI bean manager ({@code jakarta.persistence.bean.manager}): that is how the
 * triggercache Hibernate integrator finds this deployment's cache engine.
 */
@ApplicationScoped
public class EmbeddedPersistence {

    /** The servlet context parameter holding the JDBC URL of the database. */
    public static final String JDBC_URL = "blog.jdbc-url";

    private JdbcConnectionPool pool;

    // @Singleton rather than @ApplicationScoped: no client proxy, so unwrap(SessionFactory.class) works
    @Produces
    @Singleton
    EntityManagerFactory entityManagerFactory(ServletContext servletContext, BeanManager beans) {
        String url = servletContext.getInitParameter(JDBC_URL);
        pool = JdbcConnectionPool.create(url, "sa", "");
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "hibernate.hbm2ddl.auto", "update",
                "hibernate.generate_statistics", "true",
                "hibernate.session.events.log", "false",
                "hibernate.show_sql", Boolean.toString(Boolean.getBoolean("blog.show-sql")),
                "jakarta.persistence.bean.manager", beans));
        return new HibernatePersistenceProvider()
                .createContainerEntityManagerFactory(new BlogPersistenceUnit(pool, properties), Map.of());
    }

    void close(@Disposes EntityManagerFactory factory) {
        factory.close();
        if (pool != null) {
            pool.dispose();
        }
    }

    @Produces
    @RequestScoped
    EntityManager entityManager(EntityManagerFactory factory) {
        return factory.createEntityManager();
    }

    void close(@Disposes EntityManager entityManager) {
        if (entityManager.isOpen()) {
            entityManager.close();
        }
    }
}
