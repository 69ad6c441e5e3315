package io.triggercache.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.example.blog.embedded.BlogServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The blog started for a test class on a free port of 127.0.0.1 with a fresh in-memory database (seeded
 * as on a first start), and an HTTP client that does not follow redirects.
 */
final class RunningBlog implements AutoCloseable {

    private final BlogServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningBlog(BlogServer server) {
        this.server = server;
    }

    static RunningBlog start() throws Exception {
        String database = "jdbc:h2:mem:blog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new RunningBlog(BlogServer.start("127.0.0.1", 0, database));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "text/html");
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET as the admin endpoint's user (HTTP Basic). */
    HttpResponse<String> getAsAdmin(String path, String password) throws IOException, InterruptedException {
        String token = java.util.Base64.getEncoder().encodeToString((BlogServer.ADMIN_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The admin endpoint's password of this run. */
    String adminPassword() {
        return server.adminPassword();
    }

    /** Posts a form as a browser does ({@code application/x-www-form-urlencoded}). */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The counters as {@code /stats?format=json} reports them. */
    Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/stats?format=json", "*/*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Stats.parse(response.body());
    }

    @Override
    public void close() {
        server.close();
    }

    /** Hits, misses, loads and invalidations of one cached method (or their change between two snapshots). */
    record Counts(long hits, long misses, long loads, long invalidations) {

        static Counts of(long hits, long misses, long loads, long invalidations) {
            return new Counts(hits, misses, loads, invalidations);
        }

        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts minus(Counts earlier) {
            return new Counts(hits - earlier.hits, misses - earlier.misses, loads - earlier.loads, invalidations - earlier.invalidations);
        }
    }

    /** A snapshot of {@code /stats}: the counters per cached method and the SQL statements run. */
    record Stats(Map<String, Counts> methods, long sqlStatements) {

        static Stats parse(String json) {
            JsonObject root;
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                root = reader.readObject();
            }
            Map<String, Counts> methods = new LinkedHashMap<>();
            root.getJsonObject("methods").forEach((name, value) -> {
                JsonObject m = value.asJsonObject();
                methods.put(name, new Counts(m.getJsonNumber("hits").longValue(), m.getJsonNumber("misses").longValue(),
                        m.getJsonNumber("loads").longValue(), m.getJsonNumber("invalidations").longValue()));
            });
            return new Stats(methods, root.getJsonNumber("sqlStatements").longValue());
        }

        /** What changed since {@code earlier}: per method, and the SQL statements run meanwhile. */
        Stats since(Stats earlier) {
            Map<String, Counts> delta = new LinkedHashMap<>();
            methods.forEach((name, counts) -> delta.put(name, counts.minus(earlier.methods.get(name))));
            return new Stats(delta, sqlStatements - earlier.sqlStatements);
        }

        Counts of(String method) {
            assertThat(methods).containsKey(method);
            return methods.get(method);
        }
    }
}
