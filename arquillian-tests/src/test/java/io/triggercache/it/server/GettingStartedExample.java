package io.triggercache.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The getting-started WAR (examples/getting-started-ee), deployed unchanged, and what its /demo must print. */
public final class GettingStartedExample {

    /** What docs/getting-started.md says {@code /demo} prints on a fresh deployment (the Java SE project's lines). */
    public static final List<String> PRINTED = List.of(
            "commentCount(42) = 0   db hit: runs the query, stores the result in group 42",
            "commentCount(42) = 0   cache hit",
            "commentCount(7)  = 1   db hit",
            "a transaction persisted a Comment whose post is 42, and committed",
            "commentCount(42) = 1   db hit: group 42 was dropped after the commit",
            "commentCount(7)  = 1   still a cache hit",
            "hits 2, misses 3, loads 3, invalidations 2");

    private GettingStartedExample() {
    }

    public static WebArchive war() {
        File file = new File(System.getProperty("it.examples"), "triggercache-example-getting-started-ee.war");
        if (!file.isFile()) {
            throw new IllegalStateException("the example WAR is missing: " + file);
        }
        return ShrinkWrap.create(ZipImporter.class, "getting-started.war").importFrom(file).as(WebArchive.class);
    }

    /** GETs {@code /demo} of the deployment and returns its lines. */
    public static List<String> demo(URL deployed) throws Exception {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        URI uri = URI.create("http://127.0.0.1:" + deployed.getPort() + path + "demo");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + uri + ":\n" + r.body()).isEqualTo(200);
        return r.body().lines().toList();
    }
}
