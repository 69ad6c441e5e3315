/**
 * The portable change source for any JPA provider: {@link io.triggercache.jpa.TriggerCacheEntityListener}, a
 * default entity listener registered through the mapping file {@code META-INF/triggercache-orm.xml}, and
 * {@link io.triggercache.jpa.JpaChanges} for writes it cannot see. Uses only Jakarta Persistence, Transactions and
 * CDI, so it runs on EclipseLink (Payara, GlassFish) as on any other provider.
 */
package io.triggercache.jpa;
