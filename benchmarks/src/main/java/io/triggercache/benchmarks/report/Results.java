package io.triggercache.benchmarks.report;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The JMH results of one run, read from the JSON files JMH wrote ({@code -rf json}) with JSON-P. */
final class Results {

    private final List<Result> rows = new ArrayList<>();

    /** Reads every {@code *.json} in {@code dir}. */
    static Results read(Path dir) throws IOException {
        Results r = new Results();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                continue;
            }
            try (JsonReader json = Json.createReader(new StringReader(text))) {
                for (JsonValue o : json.readArray()) {
                    r.rows.add(row(o.asJsonObject()));
                }
            } catch (JsonParsingException | ClassCastException e) {
                throw new IOException(f + " is not the JSON array of results JMH writes: " + e.getMessage(), e);
            }
        }
        return r;
    }

    private static Result row(JsonObject o) {
        String name = o.getString("benchmark");
        int dot = name.lastIndexOf('.');
        String method = name.substring(dot + 1);
        String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
        Map<String, String> params = new LinkedHashMap<>();
        if (o.get("params") instanceof JsonObject p) {
            p.forEach((k, v) -> params.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        JsonObject primary = o.getJsonObject("primaryMetric");
        JsonValue percentiles = primary.getOrDefault("scorePercentiles", JsonValue.EMPTY_JSON_OBJECT);
        double bytes = Double.NaN;
        if (o.get("secondaryMetrics") instanceof JsonObject secondary && secondary.get("gc.alloc.rate.norm") instanceof JsonObject norm) {
            bytes = number(norm.get("score"));
        }
        Map<String, JsonValue> p = percentiles instanceof JsonObject m ? m : Map.of();
        return new Result(cls, method, params, (int) number(o.get("threads")), number(primary.get("score")), number(primary.get("scoreError")),
                primary.getString("scoreUnit", "null"), bytes, number(p.get("50.0")), number(p.get("99.0")));
    }

    /** A JSON number as a double; JMH writes {@code "NaN"} (a string) where it has no figure. */
    private static double number(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (v instanceof JsonString s) {
            try {
                return Double.parseDouble(s.getString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    List<Result> of(String benchmark) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    Optional<Result> find(String benchmark, String method, int threads, Predicate<Result> filter) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark) && r.method().equals(method) && r.threads() == threads && filter.test(r))
                .findFirst();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
