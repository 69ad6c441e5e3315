/**
 * The Faces blog ({@code examples/blog-faces}: {@code <tc:cache>} around the post list and a post's comments) in
 * WildFly 38 and Payara Micro 6, driven over HTTP through its own pages and form. The classes end in {@code IT}
 * so that the default test run leaves them out; the server profiles run them.
 */
package io.triggercache.it.faces;
