package io.triggercache.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The blog example's WAR ({@code examples/blog-war}, as the build made it) and a small HTTP client for its pages,
 * always on 127.0.0.1.
 */
public final class BlogExample {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** @param deployed the URL the container reports for the deployment; only its port and path are used */
    public BlogExample(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath().substring(0, deployed.getPath().length() - 1) : deployed.getPath();
        this.base = URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }

    /** The example's WAR, unchanged, under the name blog.war. */
    public static WebArchive war() {
        File file = new File(System.getProperty("it.examples"), "triggercache-example-blog-war.war");
        if (!file.isFile()) {
            throw new IllegalStateException("the example WAR is missing: " + file);
        }
        return ShrinkWrap.create(ZipImporter.class, "blog.war").importFrom(file).as(WebArchive.class);
    }

    /** GETs a page, which must answer 200, and returns its body. */
    public String get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET().build());
        assertThat(r.statusCode()).as("GET " + path + ":\n" + r.body()).isEqualTo(200);
        return r.body();
    }

    /** GETs a page and returns the response, whatever its status. */
    public HttpResponse<String> request(String path) {
        return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET().build());
    }

    /** POSTs a form and returns the response (redirects are not followed). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The id of the first post the home page lists. */
    public static long firstPostId(String home) {
        Matcher m = Pattern.compile("data-id=\"(\\d+)\"").matcher(home);
        assertThat(m.find()).as("the home page lists a post:\n" + home).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A counter of one cached method from {@code /stats?format=json}, e.g. {@code stat("comments", "hits")}. */
    public long stat(String method, String counter) {
        String json = get("/stats?format=json");
        Matcher m = Pattern.compile("\"" + Pattern.quote(method) + "\":\\{[^}]*\"" + Pattern.quote(counter) + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(method + "." + counter + " in /stats:\n" + json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
