package io.triggercache.jpa;

import io.triggercache.jpa.internal.JpaChangeSource;

/**
 * Reports the writes a JPA entity listener cannot see, for applications on the portable change source
 * ({@link TriggerCacheEntityListener}).
 *
 * <pre>{@code
 * em.createQuery("update Post p set p.published = false where p.created < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
 * JpaChanges.bulkChanged(Post.class);   // every method with a trigger on Post is dropped after the commit
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class JpaChanges {

    private JpaChanges() {
    }

    /**
     * Rows of {@code entity} changed but which ones is unknown (bulk JPQL {@code UPDATE}/{@code DELETE}, native SQL):
     * every cached method with a trigger on that type (or a subtype or supertype) is dropped after the current JTA
     * transaction commits, or at once outside a transaction. Does nothing when triggercache is not deployed.
     *
     * @throws NullPointerException if {@code entity} is null
     */
    public static void bulkChanged(Class<?> entity) {
        JpaChangeSource.inContainer().bulkChanged(entity);
    }
}
