package io.triggercache.example.blog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements the application has sent to the database, from Hibernate ORM's statistics
 * ({@code hibernate.generate_statistics=true}): the cost that cache hits save.
 */
@ApplicationScoped
public class SqlStatements {

    @Inject
    EntityManagerFactory entityManagerFactory;

    /**
     * The number of JDBC statements prepared since the application started, or {@code -1} when the JPA
     * provider is not Hibernate ORM (Hibernate's classes may then be absent altogether) or its statistics
     * are off.
     */
    public long executed() {
        try {
            return HibernateCount.of(entityManagerFactory);
        } catch (PersistenceException | IllegalStateException | LinkageError e) {
            return -1;
        }
    }

    /** The only code touching Hibernate's types, loaded on first use. */
    private static final class HibernateCount {

        static long of(EntityManagerFactory factory) {
            Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
            return statistics.isStatisticsEnabled() ? statistics.getPrepareStatementCount() : -1;
        }
    }
}
