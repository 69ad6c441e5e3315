/** The blog rendered with Jakarta Faces and {@code <tc:cache>}, on embedded Jetty: {@code java -jar target/blog-faces.jar}. */
package io.triggercache.example.blogfaces;
