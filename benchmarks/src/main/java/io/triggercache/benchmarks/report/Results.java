package io.triggercache.benchmarks.report;

import java.io.IOException;
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

/** The JMH results of one run, read from the JSON files JMH wrote ({@code -rf json}). */
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
            if (!text.isBlank()) {
                for (Object o : (List<?>) Json.parse(text)) {
                    r.rows.add(row((Map<?, ?>) o));
                }
            }
        }
        return r;
    }

    private static Result row(Map<?, ?> o) {
        String name = (String) o.get("benchmark");
        int dot = name.lastIndexOf('.');
        String method = name.substring(dot + 1);
        String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
        Map<String, String> params = new LinkedHashMap<>();
        if (o.get("params") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
        }
        Map<?, ?> primary = (Map<?, ?>) o.get("primaryMetric");
        Map<?, ?> percentiles = primary.get("scorePercentiles") instanceof Map<?, ?> m ? m : Map.of();
        double bytes = Double.NaN;
        if (o.get("secondaryMetrics") instanceof Map<?, ?> secondary && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
            bytes = number(norm.get("score"));
        }
        return new Result(cls, method, params, (int) number(o.get("threads")), number(primary.get("score")), number(primary.get("scoreError")),
                String.valueOf(primary.get("scoreUnit")), bytes, number(percentiles.get("50.0")), number(percentiles.get("99.0")));
    }

    private static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
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
