package io.triggercache;

/**
 * Drops cached entries by hand: for code that changes data the change sources do not see (another
 * service's API, a file, JDBC without Hibernate), and for administration.
 *
 * <p>Injectable ({@code @Inject Invalidator invalidator}). Called inside a transaction (the container's JTA
 * transaction, or a Hibernate session's resource-local transaction once the session has done an entity operation
 * in it), a drop behaves like an entity change of that transaction (I8): it is pending, applied after the commit
 * on every node sharing the store, not at all on rollback, and calls inside that transaction bypass the affected
 * methods meanwhile (they see the transaction's own writes). Outside a transaction it applies at once and returns
 * after the store has applied it. Should the store be unavailable, the affected methods bypass the cache until
 * the drop has been applied (no stale value is served).
 *
 * <p>Thread-safe.
 */
public interface Invalidator {

    /**
     * Drops every entry of a cached method.
     *
     * @param name the method's name (see {@link Cached#name()})
     * @throws IllegalArgumentException if no cached method has this name (the message lists the known names)
     */
    void invalidate(String name);

    /**
     * Drops one group of a cached method: the entries whose suffix values equal {@code suffix}.
     *
     * @param name   the method's name
     * @param suffix the suffix values, one per part of the method's suffix, as its paths yield them
     *               (a {@code Long} id stays a {@code Long})
     * @throws IllegalArgumentException if no cached method has this name, or the number of values differs
     *                                  from the method's suffix parts
     */
    void invalidateGroup(String name, Object... suffix);

    /** Drops every entry of every cached method of this application. */
    void invalidateAll();
}
