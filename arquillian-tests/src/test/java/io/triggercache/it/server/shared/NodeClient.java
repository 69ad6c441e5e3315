package io.triggercache.it.server.shared;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls {@link SharedApi} (and other plain-text endpoints) of one node over HTTP on 127.0.0.1. */
public final class NodeClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final String base;

    /** {@code base}: the WAR's root, e.g. {@code http://127.0.0.1:8080/shared}. */
    public NodeClient(String name, String base) {
        this.name = name;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String name() {
        return name;
    }

    public String title(long id) {
        return get("/api/title?id=" + id);
    }

    public String titleNear(long id) {
        return get("/api/titleNear?id=" + id);
    }

    /** Commits a new title on this node. */
    public void setTitle(long id, String title) {
        send(HttpRequest.newBuilder(URI.create(base + "/api/set?id=" + id + "&title=" + URLEncoder.encode(title, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** triggercache's counters of {@code method} on this node, plus {@code body}: how often its body ran here. */
    public Map<String, Long> stats(String method) {
        Map<String, Long> stats = new LinkedHashMap<>();
        keyValues(get("/api/stats?name=" + method)).forEach((k, v) -> stats.put(k, Long.parseLong(v)));
        return stats;
    }

    public Map<String, String> store() {
        return keyValues(get("/api/store"));
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public static Map<String, String> keyValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("node " + name + ": " + r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError("node " + name + " unreachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
