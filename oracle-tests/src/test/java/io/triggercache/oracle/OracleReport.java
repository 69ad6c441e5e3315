package io.triggercache.oracle;

import io.triggercache.MethodStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** The oracle's report: the text file of a run (target/oracle-report*.txt) and the summary printed to the console. */
final class OracleReport {

    private OracleReport() {
    }

    /** The report file: the system property {@code oracle.report}, else {@code target/oracle-report.txt}. */
    static Path file() {
        return Path.of(System.getProperty("oracle.report", "target/oracle-report.txt"));
    }

    /** Starts a new report file with a header. */
    static void begin(String title) {
        write(title + "\n" + "=".repeat(title.length()) + "\n\n", false);
    }

    /** Appends the full report of one run and prints its summary. */
    static void add(Oracle.OracleRun run) {
        write(full(run), true);
        System.out.println(summary(run));
    }

    /** Appends a closing line (totals over several runs). */
    static void end(String text) {
        write(text + "\n", true);
        System.out.println(text);
    }

    static String summary(Oracle.OracleRun r) {
        long hits = r.hits();
        long misses = r.misses();
        String time = r.settings.targetReads() > 0
                ? String.format("%d s (until %,d reads checked, at most %d s)", r.elapsedSeconds, r.settings.targetReads(), r.settings.seconds())
                : String.format("%d s", r.settings.seconds());
        return String.format("oracle [%s, %s, %d threads%s]: %,d reads checked, %,d stale, %,d commits, hit ratio %.1f%%, %,d read errors",
                r.settings.database().description(), time, r.settings.threads(), mutation(),
                r.checkedReads(), r.staleReads(), r.commits, 100.0 * hits / Math.max(1, hits + misses), r.readErrorCount());
    }

    private static String mutation() {
        String m = System.getProperty("triggercache.unsafe.disable", "");
        return m.isEmpty() ? "" : ", protections off: " + m;
    }

    static String full(Oracle.OracleRun r) {
        StringBuilder b = new StringBuilder();
        String head = "## " + r.settings.database().description();
        b.append(head).append("\n\n").append(summary(r)).append("\n");
        b.append(String.format("seed %d; %,d unchecked reads racing the writers; %,d snapshot readers; drops off: %s%n%n",
                r.settings.seed(), r.racingReads.sum(), r.snapshotReaders.sum(),
                System.getProperty("triggercache.unsafe.disable", "(none: every protection on)")));

        b.append("### Stale reads per method\n\n(entries: distinct stale (key, value) pairs; one stale entry is usually read many times)\n\n");
        b.append(String.format("%-22s %12s %8s %9s %8s  %s%n", "method", "checked", "stale", "entries", "hit %", "first stale read"));
        Map<String, MethodStatistics> stats = new TreeMap<>();
        r.methodStatistics.forEach(s -> stats.put(s.name(), s));
        for (ReadSpec s : ReadSpec.values()) {
            MethodStatistics ms = stats.get(s.methodName());
            b.append(String.format("%-22s %,12d %,8d %,9d %7.1f%%  %s%n", s.shortName(), r.checked.get(s).sum(), r.staleByMethod.get(s).sum(),
                    r.distinctStale.get(s).size(),
                    ms == null ? 0 : 100 * ms.hitRatio(), r.firstByMethod.getOrDefault(s, "")));
        }

        b.append("\n### Stale reads per change kind\n\n");
        b.append("(a stale read counts under every kind of commit between the last time its value was the truth and the first time it was not)\n\n");
        if (r.staleByOperation.isEmpty() && r.unattributed.sum() == 0) {
            b.append("none\n");
        }
        new TreeMap<>(r.staleByOperation).forEach((op, n) -> b.append(String.format("%-26s %,8d  first: %s%n", op, n.sum(), r.firstByOperation.get(op))));
        if (r.unattributed.sum() > 0) {
            b.append(String.format("%-26s %,8d  first: %s%n", "(no commit named)", r.unattributed.sum(), r.firstUnattributed));
        }

        b.append("\n### Stale reads by who computed the stale value\n\n");
        if (r.staleByLoader.isEmpty()) {
            b.append("none\n");
        }
        new TreeMap<>(r.staleByLoader).forEach((l, n) -> b.append(String.format("%-60s %,8d  first: %s%n", l, n.sum(), r.firstByLoader.get(l))));

        b.append("\n### Operations and drops per change kind\n\n");
        b.append("(drops: exact = one group of a method with groups; whole = every group of a method with groups; one-group = a method\n"
                + "without suffix, whose only drop is the whole method)\n\n");
        b.append(String.format("%-26s %8s %8s %10s %10s %10s  %s%n", "change kind", "runs", "aborted", "exact", "whole", "one-group",
                "aborts (first message)"));
        Map<String, long[]> drops = new TreeMap<>(r.drops);
        for (Operation op : Operation.values()) {
            long runs = r.runs.getOrDefault(op, new LongAdder()).sum();
            long aborted = 0;
            List<String> why = new ArrayList<>();
            for (Map.Entry<String, LongAdder> a : new TreeMap<>(r.aborts).entrySet()) {
                if (a.getKey().startsWith(op + " ")) {
                    aborted += a.getValue().sum();
                    why.add(a.getKey().substring(op.name().length() + 1) + " x" + a.getValue().sum() + " (" + r.firstAbort.get(a.getKey()) + ")");
                }
            }
            long[] d = drops.remove(op.name());
            b.append(String.format("%-26s %,8d %,8d %,10d %,10d %,10d  %s%n", op, runs, aborted, d == null ? 0 : d[0], d == null ? 0 : d[1],
                    d == null ? 0 : d[2], shorten(String.join("; ", why), 300)));
        }
        drops.forEach((op, d) -> b.append(String.format("%-26s %8s %8s %,10d %,10d %,10d%n", op, "", "", d[0], d[1], d[2])));

        b.append("\n### Cache statistics per method\n\n");
        b.append(String.format("%-22s %10s %10s %10s %12s %10s %8s%n", "method", "hits", "misses", "loads", "invalidations", "bypasses", "errors"));
        for (ReadSpec s : ReadSpec.values()) {
            MethodStatistics ms = stats.get(s.methodName());
            if (ms != null) {
                b.append(String.format("%-22s %,10d %,10d %,10d %,12d %,10d %,8d%n", s.shortName(), ms.hits(), ms.misses(), ms.loads(),
                        ms.invalidations(), ms.bypasses(), ms.errors()));
            }
        }

        b.append("\n### Library log messages (by id and level; DEBUG is FINE)\n\n");
        if (r.logCounts.isEmpty()) {
            b.append("none\n");
        }
        r.logCounts.forEach((id, n) -> b.append(String.format("%-28s %,8d  first: %s%n", id, n, shorten(r.logFirsts.get(id), 300))));

        if (!r.readErrors.isEmpty()) {
            b.append("\n### Read errors\n\n");
            new TreeMap<>(r.readErrors).forEach((k, n) -> b.append(String.format("%s x%,d: %s%n", k, n.sum(), shorten(r.firstReadError.get(k), 1600))));
        }
        b.append("\n");
        return b.toString();
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }

    private static void write(String text, boolean append) {
        Path f = file();
        try {
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            if (append) {
                Files.writeString(f, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(f, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the oracle report to " + f.toAbsolutePath(), e);
        }
    }
}
