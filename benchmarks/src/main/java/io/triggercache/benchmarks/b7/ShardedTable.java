package io.triggercache.benchmarks.b7;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of {@link ShardedHitBenchmark}'s results (run.sh's B7 step): per store, each contender's median over the
 * measured iterations (mean ± error), bytes/op, and its ratio to the raw client's {@code get} of the same run.
 * Usage: {@code ShardedTable <JMH JSON file> <markdown file to write>}; the table is also printed.
 */
public final class ShardedTable {

    private static final List<String[]> ROWS = List.of(
            new String[] {"strictEngine", "`STRICT` hit, engine alone (entry on the node; group token + epoch read)"},
            new String[] {"offEngine", "`OFF` hit, engine alone (entry read and decoded, plus the two tokens)"},
            new String[] {"rawGet", "the raw client's `get` of one present key"});

    private ShardedTable() {
    }

    public static void main(String[] args) throws IOException {
        JsonArray results;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
            results = json.readArray();
        }
        Map<String, Map<String, JsonObject>> byStore = new LinkedHashMap<>();
        for (JsonValue v : results) {
            JsonObject r = v.asJsonObject();
            String benchmark = r.getString("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String store = r.getJsonObject("params").getString("store");
            byStore.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(method, r);
        }
        StringBuilder md = new StringBuilder("### B7 on the sharded stores (ShardedHitBenchmark)\n\n");
        for (Map.Entry<String, Map<String, JsonObject>> store : byStore.entrySet()) {
            String client = store.getKey().equals("memcached") ? "xmemcached `get`" : "Lettuce cluster `GET`";
            md.append("**").append(store.getKey()).append("** (raw client: ").append(client).append(")\n\n");
            md.append("| contender | ns/op: median (mean ± error) | bytes/op | ÷ raw `get` (medians) |\n|---|---|---|---|\n");
            JsonObject raw = store.getValue().get("rawGet");
            for (String[] row : ROWS) {
                JsonObject r = store.getValue().get(row[0]);
                if (r == null) {
                    continue;
                }
                JsonObject primary = r.getJsonObject("primaryMetric");
                md.append("| ").append(row[1]).append(" | ").append(num(median(r))).append(" (").append(num(primary.getJsonNumber("score").doubleValue()))
                        .append(" ± ").append(num(error(primary))).append(") | ").append(bytes(r)).append(" | ")
                        .append(raw == null ? "-" : String.format(Locale.ROOT, "%.2fx", median(r) / median(raw))).append(" |\n");
            }
            md.append('\n');
        }
        Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static double median(JsonObject result) {
        List<Double> all = new ArrayList<>();
        for (JsonValue fork : result.getJsonObject("primaryMetric").getJsonArray("rawData")) {
            fork.asJsonArray().forEach(x -> all.add(((jakarta.json.JsonNumber) x).doubleValue()));
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double error(JsonObject primary) {
        JsonValue e = primary.get("scoreError");
        return e instanceof jakarta.json.JsonNumber n ? n.doubleValue() : Double.NaN;   // "NaN" for one iteration
    }

    private static String bytes(JsonObject result) {
        JsonObject secondary = result.getJsonObject("secondaryMetrics");
        if (secondary != null) {
            for (String key : secondary.keySet()) {
                if (key.endsWith("gc.alloc.rate.norm")) {
                    return String.format(Locale.ROOT, "%.0f", secondary.getJsonObject(key).getJsonNumber("score").doubleValue());
                }
            }
        }
        return "-";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
