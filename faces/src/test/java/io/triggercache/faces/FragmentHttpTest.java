package io.triggercache.faces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <tc:cache>} rendered by Mojarra on embedded Jetty, driven over plain HTTP as a browser would (GET, the
 * page's own form, an AJAX partial request): each story reads the counters before and after and asserts which
 * fragments hit, rendered and dropped, and how many SQL statements ran.
 *
 * <p>One server for the class; each story uses its own posts, so the stories do not depend on their order.
 */
class FragmentHttpTest {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern COMMENTS = Pattern.compile("<section class=\"comments\">(.*?)</section>", Pattern.DOTALL);

    private static FacesBlogServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = FacesBlogServer.start();
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postPage_secondRender_runsNoSql_andReplaysTheFragment() throws Exception {
        Stats start = stats();
        String first = comments(get("/post.xhtml?id=3"));                 // db hit: the post and its comments
        Stats rendered = stats().since(start);
        assertThat(first).contains("1 comments, render 1", "Moving a comment to another post drops both groups.");
        assertThat(rendered.of("post-comments")).isEqualTo(new Counts(0, 1, 1, 0));
        assertThat(rendered.sql()).isPositive();

        String second = comments(get("/post.xhtml?id=3"));                // cache hit: the fragment's markup, no SQL
        Stats hit = stats().since(start).since(rendered);
        assertThat(second).isEqualTo(first);
        assertThat(hit.of("post-comments")).isEqualTo(new Counts(1, 0, 0, 0));
        assertThat(hit.sql()).isZero();
    }

    @Test
    void postList_secondRender_runsNoSql() throws Exception {
        get("/index.xhtml");
        Stats start = stats();
        String home = get("/index.xhtml").body();                           // cache hit
        Stats hit = stats().since(start);
        assertThat(home).contains("<li class=\"post\" data-id=\"7\">", "Reading the statistics");
        assertThat(hit.of("post-list")).isEqualTo(new Counts(1, 0, 0, 0));
        assertThat(hit.sql()).isZero();
    }

    @Test
    void commentCommittedThroughTheForm_dropsOnlyThatPostsFragment() throws Exception {
        HttpResponse<String> page = get("/post.xhtml?id=1");
        get("/post.xhtml?id=2");
        String otherBefore = comments(get("/post.xhtml?id=2"));
        Stats start = stats();

        HttpResponse<String> sent = postForm("/post.xhtml", page, Map.of("comment:send", "Comment",
                "comment:author", "Barbara", "comment:text", "Committed through the form"));
        assertThat(sent.statusCode()).isEqualTo(302);                      // committed, redirected to the post

        String after = comments(get("/post.xhtml?id=1"));                  // rendered again: its group was dropped
        String other = comments(get("/post.xhtml?id=2"));                  // cache hit
        Stats delta = stats().since(start);
        assertThat(after).contains("3 comments", "Committed through the form");
        assertThat(other).isEqualTo(otherBefore);
        // no trigger of its own: it dropped through its dependency on comments(post 1), whose group the commit dropped
        assertThat(delta.of("post-comments")).isEqualTo(new Counts(1, 1, 1, 0));
        assertThat(delta.of("comments").invalidations()).isEqualTo(1);
    }

    @Test
    void commentRolledBack_leavesTheFragment() throws Exception {
        HttpResponse<String> page = get("/post.xhtml?id=4");
        String before = comments(page);
        Stats start = stats();

        HttpResponse<String> failed = postForm("/post.xhtml", page, Map.of("comment:fail", "Comment, then fail",
                "comment:author", "Barbara", "comment:text", "Rolled back"));
        assertThat(failed.statusCode()).isEqualTo(200);                    // the postback re-renders the page
        assertThat(failed.body()).contains("comment rolled back");
        assertThat(comments(failed)).isEqualTo(before);                    // cache hit on the postback

        String after = comments(get("/post.xhtml?id=4"));                  // cache hit: nothing was committed
        Stats delta = stats().since(start);
        assertThat(after).isEqualTo(before).doesNotContain("Rolled back");
        assertThat(delta.of("post-comments")).isEqualTo(new Counts(2, 0, 0, 0));
    }

    @Test
    void ajaxRenderOfAComponentInsideTheFragment_rendersItAfresh_andLeavesTheEntry() throws Exception {
        HttpResponse<String> page = get("/post.xhtml?id=5");
        assertThat(comments(page)).contains("0 comments, render 1");
        Stats start = stats();

        HttpResponse<String> partial = post("/post.xhtml", Map.of("Faces-Request", "partial/ajax"), Map.of(
                "comment", "comment", "id", "5", "jakarta.faces.ViewState", viewState(page),
                "jakarta.faces.source", "comment:refresh", "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.partial.execute", "comment:refresh", "jakarta.faces.partial.render", "count",
                "jakarta.faces.behavior.event", "action"));
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).contains("<partial-response", "<update id=\"count\">", "0 comments, render 2");

        assertThat(comments(get("/post.xhtml?id=5"))).contains("0 comments, render 1");   // cache hit: the entry stayed
        Stats delta = stats().since(start);
        assertThat(delta.of("post-comments")).isEqualTo(new Counts(1, 0, 0, 0));
    }

    @Test
    void explicitTrigger_dropsOnlyItsGroup_andDisabledRendersEveryTime() throws Exception {
        String six = get("/explicit.xhtml?id=6").body();
        String seven = get("/explicit.xhtml?id=7").body();
        assertThat(get("/explicit.xhtml?id=6").body()).contains(render(six));               // cache hit
        assertThat(uncached(get("/explicit.xhtml?id=6").body())).isGreaterThan(uncached(six));

        HttpResponse<String> page = get("/post.xhtml?id=6");
        assertThat(postForm("/post.xhtml", page, Map.of("comment:send", "Comment",
                "comment:author", "Barbara", "comment:text", "A comment on post 6")).statusCode()).isEqualTo(302);

        assertThat(render(get("/explicit.xhtml?id=6").body())).isNotEqualTo(render(six));   // rendered again
        assertThat(render(get("/explicit.xhtml?id=7").body())).isEqualTo(render(seven));    // cache hit
    }

    @Test
    void inputInsideTheFragment_failsTheViewBuild_withTheRuleAndTheFix() throws Exception {
        HttpResponse<String> page = get("/bad-input.xhtml");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body().replace("&lt;", "<")).contains("/bad-input.xhtml @4,30 <tc:cache> in view /bad-input.xhtml: child HtmlInputText (id \"search\"",
                "HtmlInputText", "holds state (an EditableValueHolder)", "Only output may be cached");
    }

    @Test
    void triggerWithAnUnknownProperty_failsThePage_withTheTagsLocation() throws Exception {
        HttpResponse<String> page = get("/bad-trigger.xhtml");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body().replace("&lt;", "<")).contains("/bad-trigger.xhtml @4,52 <tc:cache> in view /bad-trigger.xhtml: 1 invalid @Cached declaration",
                "cached block \"bad-trigger\" at /bad-trigger.xhtml line 4: ",
                "trigger #1 suffix \"post.idd\": Post has no property \"idd\"");
    }

    @Test
    void nestedFragments_aCommentDropsTheInnerFragmentOfItsPost_andTheOuterThroughIt() throws Exception {
        String before = get("/nested.xhtml").body();
        assertThat(get("/nested.xhtml").body()).isEqualTo(before);                          // cache hit
        Stats start = stats();

        HttpResponse<String> page = get("/post.xhtml?id=7");
        assertThat(postForm("/post.xhtml", page, Map.of("comment:send", "Comment",
                "comment:author", "Barbara", "comment:text", "A comment on post 7")).statusCode()).isEqualTo(302);

        String after = get("/nested.xhtml").body();
        Stats delta = stats().since(start);
        assertThat(delta.of("nested-inner")).isEqualTo(new Counts(1, 1, 1, 1));   // post 7 rendered again, post 3 a hit
        assertThat(delta.of("nested-outer")).isEqualTo(new Counts(0, 1, 1, 0));   // dropped through its inner fragment
        assertThat(inner(after, 3)).isEqualTo(inner(before, 3));
        assertThat(inner(after, 7)).isNotEqualTo(inner(before, 7));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad-ttl    | /bad-ttl.xhtml @4,39 <tc:cache> in view /bad-ttl.xhtml: ttl=\"soon\" is not a positive duration. Write it as 10m, 30s, 2h or PT10M.",
            "bad-entity | /bad-entity.xhtml @4,70 <tc:trigger> in view /bad-entity.xhtml: entity \"com.acme.Missing\": no such class is visible to the application. Write the entity's fully qualified class name.",
            "bad-event  | /bad-event.xhtml @4,112 <tc:trigger> in view /bad-event.xhtml: on=\"INSERT SAVE\": \"SAVE\" is not an event (known: INSERT, UPDATE, DELETE). Use INSERT, UPDATE and/or DELETE.",
            "bad-name   | /bad-name.xhtml @4,33 <tc:cache> in view /bad-name.xhtml: attribute name=\"#{page.text}\" is an expression; it is read once, when the page is compiled. Write the value literally.",
            "bad-form   | /bad-form.xhtml @4,29 <tc:cache> in view /bad-form.xhtml: child HtmlForm (id \"f\", /bad-form.xhtml line 4) is a form: its markup carries the view state"})
    void badDeclaration_failsThePage_withTheTagTheViewTheRuleAndTheFix(String page, String message) throws Exception {
        HttpResponse<String> response = get("/" + page + ".xhtml");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body().replace("&lt;", "<")).contains(message);
    }

    private static String inner(String nestedPage, long post) {
        Matcher m = Pattern.compile("<p class=\"inner\">post " + post + ", inner render (\\d+)</p>").matcher(nestedPage);
        assertThat(m.find()).as("the inner fragment of post %s in %s", post, nestedPage).isTrue();
        return m.group(1);
    }

    private static String render(String explicitPage) {
        Matcher m = Pattern.compile("<p class=\"render\">([^<]*)</p>").matcher(explicitPage);
        assertThat(m.find()).as("the explicit fragment in %s", explicitPage).isTrue();
        return m.group(1);
    }

    private static int uncached(String explicitPage) {
        Matcher m = Pattern.compile("<p class=\"uncached\">render (\\d+)</p>").matcher(explicitPage);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String comments(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher m = COMMENTS.matcher(page.body());
        assertThat(m.find()).as("the comments section in %s", page.body()).isTrue();
        return m.group(1);
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertThat(m.find()).as("a view state in %s", page.body()).isTrue();
        return m.group(1);
    }

    /** Submits the post page's form as a browser does: its hidden fields, the view state, the pressed button. */
    private static HttpResponse<String> postForm(String path, HttpResponse<String> page, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("comment", "comment");
        form.put("id", page.uri().getQuery().replace("id=", ""));
        form.put("jakarta.faces.ViewState", viewState(page));
        return post(path, Map.of(), form);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Stats stats() throws Exception {
        HttpResponse<String> response = get("/stats?format=json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            root = reader.readObject();
        }
        Map<String, Counts> byName = new LinkedHashMap<>();
        root.getJsonObject("methods").forEach((name, value) -> {
            JsonObject m = value.asJsonObject();
            byName.put(name, new Counts(m.getJsonNumber("hits").longValue(), m.getJsonNumber("misses").longValue(),
                    m.getJsonNumber("loads").longValue(), m.getJsonNumber("invalidations").longValue()));
        });
        return new Stats(byName, root.getJsonNumber("sqlStatements").longValue());
    }

    /** Hits, misses, loads and invalidations of one fragment or cached method. */
    record Counts(long hits, long misses, long loads, long invalidations) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts minus(Counts earlier) {
            return new Counts(hits - earlier.hits, misses - earlier.misses, loads - earlier.loads, invalidations - earlier.invalidations);
        }
    }

    /** The counters per name and the SQL statements run, or their change since an earlier snapshot. */
    record Stats(Map<String, Counts> methods, long sql) {

        Stats since(Stats earlier) {
            Map<String, Counts> delta = new LinkedHashMap<>();
            methods.forEach((name, counts) -> delta.put(name, counts.minus(earlier.methods.getOrDefault(name, Counts.NONE))));
            return new Stats(delta, sql - earlier.sql);
        }

        Counts of(String name) {
            return methods.getOrDefault(name, Counts.NONE);
        }
    }
}
