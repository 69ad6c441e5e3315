/**
 * In an application server: the container's JPA resources. The embedded run leaves this package out.
 */
package io.triggercache.example.blog.container;
