/**
 * Beans with invalid {@code @Cached} declarations, one kind of mistake per class (the kinds of the engine's
 * validation rules), each deployed alone to show that the deployment fails with the message a user reads.
 */
package io.triggercache.it.server.broken;
