/**
 * The Hibernate ORM change source of triggercache: turns what Hibernate writes into
 * {@link io.triggercache.Change changes} for the deployment's {@link io.triggercache.spi.ChangeSink}.
 *
 * <p>Nothing to call: putting the jar next to Hibernate ORM activates it ({@link TriggerCacheIntegrator} and
 * a service contributor are found by {@link java.util.ServiceLoader}). {@link TriggerCacheSettings} lists the
 * optional settings. Everything else lives in the {@code internal} subpackage.
 */
package io.triggercache.hibernate;
