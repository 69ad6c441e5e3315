/**
 * The Faces blog ({@code examples/blog-faces}: {@code <tc:cache>} around the post list and a post's comments) in
 * WildFly 38 and Payara Micro 6, driven through its own pages, form and buttons: over HTTP ({@code *FacesBlogIT})
 * and in headless Chromium ({@code *FacesBrowserIT}, which fail, never skip, without Chromium and chromedriver).
 * SQL statements are counted by the database ({@link io.triggercache.it.faces.DatabaseStatements}), under either
 * JPA provider. The classes end in {@code IT} so that the default test run leaves them out; the server profiles
 * run them.
 */
package io.triggercache.it.faces;
