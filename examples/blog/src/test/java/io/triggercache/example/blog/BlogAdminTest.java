package io.triggercache.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.example.blog.service.BlogQueries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library's admin endpoint in the blog: refused without the role, and it says why an entry was dropped. */
class BlogAdminTest {

    private static RunningBlog blog;

    @BeforeAll
    static void start() throws Exception {
        blog = RunningBlog.start();
    }

    @AfterAll
    static void stop() {
        if (blog != null) {
            blog.close();
        }
    }

    @Test
    void withoutCredentials_orWithAWrongPassword_isRefused() throws Exception {
        assertThat(blog.get("/triggercache/").statusCode()).isEqualTo(401);
        assertThat(blog.get("/triggercache/methods", "application/json").statusCode()).isEqualTo(401);
        assertThat(blog.getAsAdmin("/triggercache/", "not-the-password").statusCode()).isEqualTo(401);
    }

    @Test
    void aCommentPosted_isExplainedByItsCause_inJsonAndHtml() throws Exception {
        blog.get("/posts/2");                                                    // cached: post 2 and its comments
        String text = "admin endpoint " + System.nanoTime();
        HttpResponse<String> posted = blog.post("/posts/2/comments", Map.of("author", "Ada", "text", text));
        assertThat(posted.statusCode()).isEqualTo(303);

        HttpResponse<String> json = blog.getAsAdmin("/triggercache/methods", blog.adminPassword());
        assertThat(json.statusCode()).isEqualTo(200);
        JsonObject comments = Json.createReader(new StringReader(json.body())).readObject().getJsonArray("methods").stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals(BlogQueries.COMMENTS))
                .findFirst().orElseThrow();
        JsonObject last = comments.getJsonArray("lastDrops").getJsonObject(0);
        assertThat(last.getString("source")).isEqualTo("ENTITY");
        assertThat(last.getString("group")).isEqualTo("[2]");
        assertThat(last.getString("cause")).matches("Comment#\\d+ INSERT \\(post\\.id\\) -> group \\[2\\]");
        assertThat(last.getString("trigger")).startsWith("Comment INSERT");
        assertThat(comments.getJsonArray("triggers").getString(0)).startsWith("Comment ");

        HttpResponse<String> page = blog.getAsAdmin("/triggercache/", blog.adminPassword());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<tr id=\"m-" + BlogQueries.COMMENTS + "\">", "INSERT (post.id) -&gt; group [2]");

        HttpResponse<String> health = blog.getAsAdmin("/triggercache/health", blog.adminPassword());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ready\":true");
    }

    @Test
    void statsPage_linksToTheEndpoint() throws Exception {
        assertThat(blog.get("/stats").body()).contains("<a id=\"admin-link\" href=\"/triggercache/\">");
    }
}
