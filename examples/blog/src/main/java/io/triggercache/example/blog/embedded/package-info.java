/**
 * The embedded run: Jetty, Weld servlet, a resource-local persistence unit and a {@code @Transactional}
 * interceptor over it. An application server provides all of these itself; a WAR leaves this package out.
 */
package io.triggercache.example.blog.embedded;
