package io.triggercache.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * B8's table: hit throughput per contender at 1, 2 and 4 threads (medians of the measured iterations, total over
 * the threads), each as a ratio to the {@code ConcurrentHashMap} anchor at the same thread count, and each
 * contender's scaling from 1 thread.
 *
 * <p>{@code ScalingTable <results dir> [<out.md>]} prints the table (and writes it to {@code out.md}); {@link Report}
 * includes it too.
 */
public final class ScalingTable {

    static final String BENCHMARK = "HitScalingBenchmark";
    private static final String ANCHOR = "concurrentHashMap";
    private static final String[] CONTENDERS = {ANCHOR, "ehcache", "caffeine", "ehcacheGet", "caffeineGet"};
    private static final String[] LABELS = {"`ConcurrentHashMap.get` (anchor)", "engine hit, embedded Ehcache 3",
        "engine hit, embedded Caffeine", "raw Ehcache `Cache.get`", "raw Caffeine JCache `Cache.get`"};
    private static final int[] THREADS = {1, 2, 4};

    private ScalingTable() {
    }

    public static void main(String[] args) throws IOException {
        String table = table(Results.read(Path.of(args[0]))).orElse("no " + BENCHMARK + " results in " + args[0] + "\n");
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
        }
        System.out.print(table);
    }

    /** The table, or empty if the results hold no B8 row. */
    static Optional<String> table(Results results) {
        List<Result> rows = results.of(BENCHMARK);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder();
        md.append("| ops/us (median), ratio to the anchor | 1 thread | 2 threads | 4 threads | 2 threads / 1 | 4 threads / 1 |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (int c = 0; c < CONTENDERS.length; c++) {
            double[] score = new double[THREADS.length];
            boolean any = false;
            for (int t = 0; t < THREADS.length; t++) {
                score[t] = score(rows, CONTENDERS[c], THREADS[t]);
                any |= !Double.isNaN(score[t]);
            }
            if (!any) {
                continue;
            }
            md.append("| ").append(LABELS[c]);
            for (int t = 0; t < THREADS.length; t++) {
                double anchor = score(rows, ANCHOR, THREADS[t]);
                md.append(" | ").append(num(score[t]));
                if (c != 0) {
                    md.append(" (").append(ratio(score[t] / anchor)).append(')');
                }
            }
            md.append(" | ").append(ratio(score[1] / score[0])).append(" | ").append(ratio(score[2] / score[0])).append(" |\n");
        }
        return Optional.of(md.toString());
    }

    private static double score(List<Result> rows, String contender, int threads) {
        return rows.stream().filter(r -> r.threads() == threads && r.param("store").equals(contender))
                .mapToDouble(Result::typical).findFirst().orElse(Double.NaN);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }
}
