/**
 * Writes the ORM cannot see: plain JDBC through {@code Session.doWork}, reported by hand (an {@code Invalidator}
 * call, an application event), and an application that set its own {@code hibernate.session.events.auto}.
 */
package io.triggercache.it.jdbc;
