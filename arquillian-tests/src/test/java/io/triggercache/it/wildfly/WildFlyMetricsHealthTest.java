package io.triggercache.it.wildfly;

import static io.triggercache.it.server.HealthMetricsWar.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.HealthMetricsWar;
import io.triggercache.it.server.HealthStories;
import io.triggercache.it.server.MetricsMeterServlet;
import io.triggercache.it.server.Wars;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code triggercache-metrics} in WildFly 38 with its Micrometer and MicroProfile Health subsystems
 * ({@link WildFlyMetricsServer}): the readiness stories ({@link HealthStories}) at {@code /health/ready} on the
 * management port, and the meters of a scripted sequence (a miss, a hit, a commit that drops) read through the
 * subsystem's {@code MeterRegistry} bean in the deployment and scraped from the subsystem's Prometheus endpoint. The
 * WAR bundles neither Micrometer nor the MicroProfile Health API: the subsystems provide both.
 */
public class WildFlyMetricsHealthTest extends HealthStories {

    private static WildFlyMetricsServer server;
    private static HealthMetricsWar.Client client;

    @BeforeAll
    static void start() throws Exception {
        Path target = Path.of(System.getProperty("it.target"));
        Path war = target.resolve("wildfly-metrics.war");
        HealthMetricsWar.war("wildfly-metrics", Wars.Server.WILDFLY).addClass(MetricsMeterServlet.class)
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        Path base = target.resolve("wildfly-metrics-server");
        deleteTree(base);
        long t = System.nanoTime();
        server = WildFlyMetricsServer.start(Path.of(System.getProperty("jboss.home")), base, war);
        server.awaitDeployed(Duration.ofSeconds(120));
        System.out.printf("[triggercache-it] metrics WildFly started with wildfly-metrics.war in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        client = new HealthMetricsWar.Client(URI.create("http://127.0.0.1:" + server.httpPort + "/wildfly-metrics/"),
                URI.create("http://127.0.0.1:" + server.managementPort + "/health/ready"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected HealthMetricsWar.Client app() {
        return client;
    }

    @Test
    void meters_ofAMissAHitAndACommit_readThroughTheSubsystemsRegistry_andScrapedFromItsPrometheusEndpoint() {
        long post = client.newPost("Metrics in WildFly");
        assertThat(client.title(post)).isEqualTo("Metrics in WildFly");   // miss: loads
        assertThat(client.title(post)).isEqualTo("Metrics in WildFly");   // cache hit
        client.setTitle(post, "Renamed");                                  // commits: drops group [post]

        Map<String, Double> meters = meters(TITLE);
        assertThat(meters).containsEntry("triggercache.gets{result=hit}", 1.0)
                .containsEntry("triggercache.gets{result=miss}", 1.0)
                .containsEntry("triggercache.load{result=success}", 1.0)
                .containsEntry("triggercache.load{result=failure}", 0.0)
                .containsEntry("triggercache.load.duration count", 1.0)
                .containsEntry("triggercache.invalidations", 1.0)
                .containsEntry("triggercache.bypasses", 0.0)
                .containsEntry("triggercache.errors", 0.0);
        assertThat(meters.get("triggercache.load.duration totalTimeNanos")).isPositive();
        assertThat(client.stats(TITLE)).isEqualTo("hits=1 misses=1 loads=1 invalidations=1 bypasses=0 errors=0");

        String scrape = prometheus();
        assertThat(sample(scrape, "triggercache_gets_total", TITLE, "hit")).isEqualTo(1.0);
        assertThat(sample(scrape, "triggercache_gets_total", TITLE, "miss")).isEqualTo(1.0);
        assertThat(sample(scrape, "triggercache_load_total", TITLE, "success")).isEqualTo(1.0);
        assertThat(sample(scrape, "triggercache_invalidations_total", TITLE, null)).isEqualTo(1.0);
        assertThat(sample(scrape, "triggercache_load_duration_seconds_count", TITLE, null)).isEqualTo(1.0);

        assertThat(client.title(post)).isEqualTo("Renamed");              // miss: the meters read the live counters
        assertThat(sample(prometheus(), "triggercache_gets_total", TITLE, "miss")).isEqualTo(2.0);
        assertThat(meters(TITLE)).containsEntry("triggercache.load{result=success}", 2.0);
    }

    @Test
    void theDeploymentsRegistry_isTheMicrometerSubsystems() {
        HttpResponse<String> r = HealthMetricsWar.Client.get(URI.create("http://127.0.0.1:" + server.httpPort + "/wildfly-metrics/meters?name=" + TITLE));
        assertThat(r.body().lines().findFirst()).hasValue("registry org.wildfly.extension.micrometer.registry.WildFlyCompositeRegistry");
    }

    /** The values {@code /meters} reads from the deployment's {@code MeterRegistry} bean; {@code registry} maps to NaN. */
    private static Map<String, Double> meters(String method) {
        HttpResponse<String> r = HealthMetricsWar.Client.get(URI.create("http://127.0.0.1:" + server.httpPort + "/wildfly-metrics/meters?name=" + method));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().lines().collect(Collectors.toMap(
                l -> l.startsWith("registry ") ? "registry" : l.substring(0, l.lastIndexOf(' ')),
                l -> l.startsWith("registry ") ? Double.NaN : Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
    }

    private static String prometheus() {
        HttpResponse<String> r = HealthMetricsWar.Client.get(URI.create("http://127.0.0.1:" + server.managementPort + "/prometheus"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The value of the one sample {@code metric{..name="method"..result="result"..}} of a scrape. */
    private static double sample(String scrape, String metric, String method, String result) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        Double found = null;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("name=\"" + method + "\"") && (result == null || labels.contains("result=\"" + result + "\""))) {
                assertThat(found).as("one sample of " + metric + " for " + method + " in\n" + scrape).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as(metric + " for " + method + " " + (result == null ? "" : result) + " in\n" + scrape).isNotNull();
        return found;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
