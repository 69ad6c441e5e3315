package io.triggercache.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.BlogExample;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The blog example's WAR, deployed unchanged to WildFly, driven over HTTP like a reader would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WildFlyBlogExampleTest {

    @Deployment(testable = false)
    public static WebArchive blog() {
        return BlogExample.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void pagesServe_aCommentPostShowsAtOnce_andPostPagesAreCacheHits() {
        BlogExample blog = new BlogExample(deployed);
        long id = BlogExample.firstPostId(blog.get("/"));
        String page = "/posts/" + id;
        blog.get(page);                                                          // db hit (or already cached)
        long hits = blog.stat("post", "hits");
        long fragmentInvalidations = blog.stat("commentsFragment", "invalidations");
        long fragmentLoads = blog.stat("commentsFragment", "loads");
        blog.get(page);                                                          // cache hit
        assertThat(blog.stat("post", "hits")).isEqualTo(hits + 1);

        String text = "smoke comment " + System.nanoTime();
        HttpResponse<String> posted = blog.post(page + "/comments", Map.of("author", "Arquillian", "text", text));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));

        assertThat(blog.get(page)).contains(text);                               // dropped after the commit: fresh
        // the fragment declares no trigger: it is re-rendered because the comments group it read was dropped
        assertThat(blog.stat("commentsFragment", "loads")).isEqualTo(fragmentLoads + 1);
        assertThat(blog.stat("commentsFragment", "invalidations")).isEqualTo(fragmentInvalidations);
        assertThat(blog.stat("commentsFragment", "errors")).isZero();
        assertThat(blog.get("/stats")).contains("commentsFragment");
    }

    @Test
    void adminEndpoint_isOnInTheWar_andRefusesUnauthenticatedRequests() {
        BlogExample blog = new BlogExample(deployed);
        HttpResponse<String> page = blog.request("/triggercache/");
        HttpResponse<String> json = blog.request("/triggercache/methods");
        // BASIC login against the server's default realm, which has no user in role triggercache-admin
        assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.body()).doesNotContain("lastDrops");
        assertThat(blog.request("/").statusCode()).isEqualTo(200);              // the pages themselves stay public
    }
}
