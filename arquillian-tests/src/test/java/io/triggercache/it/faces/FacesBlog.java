package io.triggercache.it.faces;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.BlogExample;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Faces blog's WAR for a server (the blog example's WAR, plus {@code triggercache-faces}, the
 * {@code blog-faces} jar with its pages and beans, a web.xml mapping the FacesServlet, and the tests' statement
 * counter {@link DatabaseStatements}), and an HTTP client with a session that drives its pages and its comment form.
 */
final class FacesBlog {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern COMMENTS = Pattern.compile("<section class=\"comments\">(.*?)</section>", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    FacesBlog(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath().substring(0, deployed.getPath().length() - 1) : deployed.getPath();
        this.base = URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }

    /** The WAR: {@code it.facesLibs} holds triggercache-faces.jar and triggercache-example-blog-faces.jar. */
    static WebArchive war() {
        WebArchive war = BlogExample.war();
        File libs = new File(System.getProperty("it.facesLibs", "target/faces-libs"));
        for (String jar : new String[] {"triggercache-faces.jar", "triggercache-example-blog-faces.jar"}) {
            File file = new File(libs, jar);
            if (!file.isFile()) {
                throw new IllegalStateException("the Faces blog's jar is missing: " + file + " (the server profiles copy it there)");
            }
            war.addAsLibrary(file);
        }
        return war.addClass(DatabaseStatements.class).setWebXML("faces/web.xml");
    }

    /** GETs a page, which must answer 200. */
    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET().build());
        assertThat(r.statusCode()).as("GET " + path + ":\n" + r.body()).isEqualTo(200);
        return r;
    }

    /** The ids of the posts the home page lists, newest first (at least four: the demo data has seven). */
    List<Long> postIds() {
        Matcher m = Pattern.compile("<li class=\"post\" data-id=\"(\\d+)\">").matcher(get("/index.xhtml").body());
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
        return ids;
    }

    /** The comments section of a post page (what {@code <tc:cache>} renders). */
    static String comments(HttpResponse<String> page) {
        Matcher m = COMMENTS.matcher(page.body());
        assertThat(m.find()).as("the comments of %s", page.body()).isTrue();
        return m.group(1);
    }

    /** Submits a post page's comment form with {@code button} ({@code send} commits, {@code rollback} rolls back). */
    HttpResponse<String> submit(HttpResponse<String> page, long postId, String button, String text) {
        Matcher state = VIEW_STATE.matcher(page.body());
        assertThat(state.find()).as("a view state in %s", page.body()).isTrue();
        String form = "comment=comment&id=" + postId + "&comment%3Aauthor=Arquillian&comment%3Atext=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&comment%3A" + button + "=x&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve(base.getPath() + "/post.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A counter from the blog's {@code /stats?format=json}: {@code stat("fragment:post-comments", "hits")}. */
    long stat(String name, String counter) {
        String json = get("/stats?format=json").body();
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\\{[^}]*\"" + Pattern.quote(counter) + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(name + "." + counter + " in /stats:\n" + json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The SQL statements run so far, or -1 where the JPA provider is not Hibernate ORM. */
    long sqlStatements() {
        Matcher m = Pattern.compile("\"sqlStatements\":(-?\\d+)").matcher(get("/stats?format=json").body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The SQL statements the database has executed so far (any JPA provider): {@link DatabaseStatements}. */
    long databaseStatements() {
        return Long.parseLong(get("/it-sql-statements").body().trim());
    }

    /** The address of a page, e.g. {@code url("/post.xhtml?id=3")}, for a browser. */
    String url(String path) {
        return base + path;
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
