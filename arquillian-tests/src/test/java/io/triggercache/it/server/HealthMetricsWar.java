package io.triggercache.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR of the health and metrics stories: the blog's WAR ({@link Wars#blog}) plus {@code triggercache-metrics}
 * (and nothing of Micrometer or MicroProfile Health: the servers provide both APIs), the switchable store
 * ({@link HealthSwitchedStore}) and {@code /steps} ({@link HealthMetricsServlet}); and a client for both.
 */
public final class HealthMetricsWar {

    /** The name of the cached method the meter story reads ({@code BlogQueries#title}). */
    public static final String TITLE = BlogQueries.class.getName() + ".title";
    /** The cached methods a new comment drops. */
    public static final String COMMENTS = BlogQueries.class.getName() + ".comments";
    public static final String COMMENT_COUNT = BlogQueries.class.getName() + ".commentCount";

    private HealthMetricsWar() {
    }

    /** The WAR, named {@code name}.war. */
    public static WebArchive war(String name, Wars.Server server) {
        return Wars.blog(name, server)
                .addClasses(HealthSwitchedStore.class, HealthSwitchedStore.Producer.class, HealthMetricsServlet.class)
                .addAsLibraries(metricsJar());
    }

    /** {@code target/metrics-libs/triggercache-metrics.jar} (copied there by the build). */
    static File metricsJar() {
        File jar = new File(Objects.requireNonNull(System.getProperty("it.metricsLibs"), "system property it.metricsLibs (set by the build)"),
                "triggercache-metrics.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("the triggercache-metrics jar is missing: " + jar);
        }
        return jar;
    }

    /** Talks to the deployed WAR ({@code app}, ending in /) and to the server's readiness endpoint ({@code ready}). */
    public static final class Client {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        private final URI app;
        private final URI ready;

        public Client(URI app, URI ready) {
            this.app = app;
            this.ready = ready;
        }

        /** Runs one step of {@code /steps} and returns its answer; fails the test unless it answers 200. */
        public String step(String op, String... params) {
            StringBuilder query = new StringBuilder("steps?op=").append(op);
            for (int i = 0; i < params.length; i += 2) {
                query.append('&').append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = get(app.resolve(query.toString()));
            assertThat(r.statusCode()).as(op + ": " + r.body()).isEqualTo(200);
            return r.body();
        }

        public long newPost(String title) {
            return Long.parseLong(step("newPost", "title", title));
        }

        public String title(long post) {
            return step("title", "id", Long.toString(post));
        }

        public void setTitle(long post, String title) {
            step("setTitle", "id", Long.toString(post), "title", title);
        }

        public void addComment(long post, String text) {
            step("addComment", "id", Long.toString(post), "text", text);
        }

        /** Sets the switches of the WAR's {@link HealthSwitchedStore}. */
        public void store(boolean failReads, boolean failDrops) {
            step("store", "failReads", Boolean.toString(failReads), "failDrops", Boolean.toString(failDrops));
        }

        /** The method's counters as {@code hits=.. misses=.. loads=.. invalidations=.. bypasses=.. errors=..}. */
        public String stats(String method) {
            return step("stats", "name", method);
        }

        /** The check named triggercache of the server's readiness report (which answers 200 when UP, 503 when DOWN). */
        public JsonObject readiness() {
            HttpResponse<String> r = get(ready);
            assertThat(r.statusCode()).as("GET " + ready + ": " + r.body()).isIn(200, 503);
            JsonObject report;
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                report = reader.readObject();
            }
            List<JsonObject> ours = report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "triggercache".equals(c.getString("name"))).toList();
            assertThat(ours).as("the triggercache check in " + r.body()).hasSize(1);
            JsonObject check = ours.get(0);
            if ("DOWN".equals(check.getString("status"))) {
                assertThat(r.statusCode()).as("a DOWN check makes the report DOWN: " + r.body()).isEqualTo(503);
                assertThat(report.getString("status")).isEqualTo("DOWN");
            }
            return check;
        }

        /** GET {@code uri}, bounded. */
        public static HttpResponse<String> get(URI uri) {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("GET " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted: GET " + uri, e);
            }
        }

        /** The string {@code data.key} of a check. */
        public static String text(JsonObject check, String key) {
            return check.getJsonObject("data").getString(key);
        }

        /**
         * The boolean {@code data.key} of a check: a JSON boolean (WildFly's SmallRye Health), or the string
         * {@code "true"}/{@code "false"} (Payara Micro 6 reports every data value as a string).
         */
        public static boolean flag(JsonObject check, String key) {
            JsonValue v = check.getJsonObject("data").get(key);
            assertThat(v).as(key + " in " + check).isNotNull();
            if (v.getValueType() == JsonValue.ValueType.STRING) {
                String s = ((JsonString) v).getString();
                assertThat(s).as(key + " in " + check).isIn("true", "false");
                return Boolean.parseBoolean(s);
            }
            assertThat(v.getValueType()).as(key + " in " + check).isIn(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE);
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
    }
}
