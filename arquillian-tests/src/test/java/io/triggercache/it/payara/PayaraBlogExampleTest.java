package io.triggercache.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.BlogExample;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blog example's WAR, deployed unchanged to Payara Micro (EclipseLink, no Hibernate ORM: the portable JPA
 * change source reports the writes), driven over HTTP like a reader would. The same WAR as
 * {@code WildFlyBlogExampleTest} deploys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PayaraBlogExampleTest {

    private static final Pattern POST_IDS = Pattern.compile("<li class=\"post\" data-id=\"(\\d+)\">");
    private static final Pattern TAG_LINKS = Pattern.compile("class=\"tag\" href=\"[^\"]*/tags/([^\"]+)\"");

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
        long commentInvalidations = blog.stat("comments", "invalidations");
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
        assertThat(blog.stat("comments", "invalidations")).isEqualTo(commentInvalidations + 1);
        assertThat(blog.stat("commentsFragment", "errors")).isZero();
        assertThat(blog.get("/stats")).contains("commentsFragment", "not available (not Hibernate ORM)");
    }

    @Test
    void retaggedPost_leavesTheTagPageItLost_andOnlyTheOldAndNewTagGroupsAreDropped() {
        BlogExample blog = new BlogExample(deployed);
        List<Long> latest = matches(POST_IDS, blog.get("/"), Long::valueOf);
        assertThat(latest).as("the seeded posts on the home page").hasSize(5);
        long id = latest.get(latest.size() - 1);
        String page = "/posts/" + id;
        List<String> before = matches(TAG_LINKS, blog.get(page), s -> s);
        assertThat(before).as("the tags of post " + id).hasSize(2);
        String kept = before.get(0);
        String removed = before.get(1);
        long n = System.nanoTime() % 1_000_000;
        String added = "added" + n;
        String unrelated = "unrelated" + n;

        assertThat(matches(POST_IDS, blog.get("/tags/" + removed), Long::valueOf)).contains(id);
        assertThat(matches(POST_IDS, blog.get("/tags/" + added), Long::valueOf)).isEmpty();
        assertThat(matches(POST_IDS, blog.get("/tags/" + unrelated), Long::valueOf)).isEmpty();
        long invalidations = blog.stat("postsByTag", "invalidations");
        long postInvalidations = blog.stat("post", "invalidations");
        long latestInvalidations = blog.stat("latestPosts", "invalidations");

        HttpResponse<String> retagged = blog.post(page + "/tags", Map.of("tags", kept + ", " + added));
        assertThat(retagged.statusCode()).isEqualTo(303);
        assertThat(retagged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));

        // the groups of the tags the post had and has: kept, removed, added; the post's own group; not the home page
        assertThat(blog.stat("postsByTag", "invalidations")).isEqualTo(invalidations + 3);
        assertThat(blog.stat("post", "invalidations")).isEqualTo(postInvalidations + 1);
        assertThat(blog.stat("latestPosts", "invalidations")).isEqualTo(latestInvalidations);

        assertThat(matches(TAG_LINKS, blog.get(page), s -> s)).containsExactlyInAnyOrder(kept, added);
        assertThat(matches(POST_IDS, blog.get("/tags/" + removed), Long::valueOf)).doesNotContain(id);
        assertThat(matches(POST_IDS, blog.get("/tags/" + added), Long::valueOf)).containsExactly(id);
        long hits = blog.stat("postsByTag", "hits");
        assertThat(matches(POST_IDS, blog.get("/tags/" + unrelated), Long::valueOf)).isEmpty();
        assertThat(blog.stat("postsByTag", "hits")).as("another tag's page stays cached").isEqualTo(hits + 1);
        assertThat(blog.stat("postsByTag", "errors")).isZero();
    }

    private static <T> List<T> matches(Pattern pattern, String html, java.util.function.Function<String, T> parse) {
        Matcher m = pattern.matcher(html);
        List<T> found = new ArrayList<>();
        while (m.find()) {
            found.add(parse.apply(m.group(1)));
        }
        return found;
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
