/**
 * The opt-in admin endpoint: a servlet listing the cached methods, their counters, triggers and recent drops, and
 * explaining calls, as JSON and as one HTML page. Off unless the web application sets the context parameter
 * {@code triggercache.admin} to {@code true}; protected by the role {@code triggercache-admin}.
 */
package io.triggercache.web;
