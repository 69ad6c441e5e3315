package io.triggercache.hibernate;

/**
 * The configuration properties of the Hibernate change source, set like any Hibernate property
 * ({@code persistence.xml}, {@code Configuration#setProperty}, the map given to
 * {@code Persistence.createEntityManagerFactory}).
 */
public final class TriggerCacheSettings {

    /**
     * A {@link io.triggercache.spi.ChangeSink} instance for this session factory. When set, it is used
     * instead of looking one up (CDI bean, then {@link io.triggercache.spi.ChangeSinks}). Useful in Java SE
     * and in tests.
     */
    public static final String SINK = "io.triggercache.sink";

    /**
     * {@code false} turns the change source off for this session factory: no listener is registered, no
     * statement inspector or session listener is installed. Default {@code true}.
     */
    public static final String ENABLED = "io.triggercache.hibernate.enabled";

    private TriggerCacheSettings() {
    }
}
