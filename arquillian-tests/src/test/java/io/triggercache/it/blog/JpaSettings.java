package io.triggercache.it.blog;

import java.util.Map;

/**
 * Persistence-unit properties that a test deployment adds to {@link Jpa}'s (an isolation level, a session
 * listener of the application's own): a bean of this type, when the deployment has one.
 */
public interface JpaSettings {

    Map<String, Object> properties();
}
