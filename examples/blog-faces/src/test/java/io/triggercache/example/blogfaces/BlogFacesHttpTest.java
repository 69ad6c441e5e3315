package io.triggercache.example.blogfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Faces blog as a user drives it: the fragments render once, replay, drop after a comment, and the stats page shows it. */
class BlogFacesHttpTest {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private static BlogFacesServer blog;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        blog = BlogFacesServer.start("127.0.0.1", 0, "jdbc:h2:mem:blog-faces-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        if (blog != null) {
            blog.close();
        }
    }

    @Test
    void root_redirectsToTheHomePage() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/index.xhtml"));
    }

    @Test
    void postPage_commentThroughTheForm_dropsItsFragment_andTheStatsPageShowsIt() throws Exception {
        assertThat(get("/index.xhtml").body()).contains("<li class=\"post\" data-id=\"7\">");   // rendered
        assertThat(get("/index.xhtml").body()).contains("<li class=\"post\" data-id=\"7\">");   // cache hit
        HttpResponse<String> post = get("/post.xhtml?id=1");                                     // rendered
        assertThat(post.body()).contains("Then the Invalidator drops the groups by hand.");
        assertThat(row(get("/stats.xhtml").body(), "fragment:post-list")).isEqualTo("1 1 1 0");  // hits misses loads invalidations
        assertThat(row(get("/stats.xhtml").body(), "fragment:post-comments")).isEqualTo("0 1 1 0");

        long commentDrops = invalidations(get("/stats.xhtml").body(), "comments");   // the demo data's commits count too
        HttpResponse<String> sent = submit(post, "1", "comment%3Asend=Comment", "From the Faces test");
        assertThat(sent.statusCode()).isEqualTo(302);                                             // committed

        HttpResponse<String> again = get("/post.xhtml?id=1");                                    // rendered again
        assertThat(again.body()).contains("From the Faces test");
        String stats = get("/stats.xhtml").body();
        assertThat(row(stats, "fragment:post-comments")).isEqualTo("0 2 2 0");
        // the drop: the comments group it was rendered from invalidated (the fragment has no trigger of its own)
        assertThat(invalidations(stats, "comments")).isEqualTo(commentDrops + 1);
        assertThat(droppedWith(stats, "fragment:post-comments")).contains("comments");
        assertThat(droppedWith(stats, "fragment:post-list")).contains("latestPosts");

        HttpResponse<String> rolledBack = submit(again, "1", "comment%3Arollback=x", "Never committed");
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(rolledBack.body()).contains("its transaction rolled back");
        // the form shows the text again (the postback keeps its inputs); the comments do not
        assertThat(comments(rolledBack.body())).contains("From the Faces test").doesNotContain("Never committed");
        assertThat(row(get("/stats.xhtml").body(), "fragment:post-comments")).isEqualTo("1 2 2 0");  // a hit: nothing dropped
    }

    private static String comments(String page) {
        Matcher m = Pattern.compile("<section class=\"comments\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the comments in %s", page).isTrue();
        return m.group(1);
    }

    /** Submits the post page's comment form with the pressed button. */
    private static HttpResponse<String> submit(HttpResponse<String> page, String postId, String button, String text) throws Exception {
        Matcher state = VIEW_STATE.matcher(page.body());
        assertThat(state.find()).isTrue();
        String form = "comment=comment&id=" + postId + "&comment%3Aauthor=Barbara&comment%3Atext=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&" + button + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(url("/post.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String row(String stats, String name) {
        Matcher m = Pattern.compile("data-name=\"" + Pattern.quote(name) + "\"><td>[^<]*</td><td class=\"hits\">(\\d+)</td><td class=\"misses\">(\\d+)</td>\\s*"
                + "<td class=\"loads\">(\\d+)</td><td class=\"invalidations\">(\\d+)</td>").matcher(stats);
        assertThat(m.find()).as("the row of %s in %s", name, stats).isTrue();
        return m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4);
    }

    private static long invalidations(String stats, String name) {
        return Long.parseLong(row(stats, name).substring(row(stats, name).lastIndexOf(' ') + 1));
    }

    /** The stats page's "dropped with" cell of a row. */
    private static String droppedWith(String stats, String name) {
        Matcher m = Pattern.compile("data-name=\"" + Pattern.quote(name) + "\">(?:(?!</tr>).)*?<td class=\"dropped-with\">([^<]*)</td>", Pattern.DOTALL).matcher(stats);
        assertThat(m.find()).as("the dropped-with cell of %s in %s", name, stats).isTrue();
        return m.group(1);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + blog.port() + path;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
