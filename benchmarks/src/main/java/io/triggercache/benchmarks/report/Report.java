package io.triggercache.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns one run's results into Markdown: the machine, then per benchmark a table with every anchor's row and
 * triggercache's ratio to it, and the goals next to the measured ratios. Nothing is typed in: every
 * number comes from the JMH JSON files and the harnesses' tables in the results folder. Ratios compare the
 * medians of the measured iterations; the means and their errors are shown too.
 *
 * <p>{@code Report <results dir> <mode> <jmh options>} writes {@code report.md} there and prints it.
 */
public final class Report {

    private static final String[] PROVIDERS = {"ehcache", "caffeine"};

    private final Results results;
    private final StringBuilder md = new StringBuilder();

    private Report(Results results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "?";
        String options = args.length > 2 ? args[2] : "";
        Report r = new Report(Results.read(dir));
        r.header(mode, options);
        r.b1();
        r.b2();
        r.harness(dir.resolve("b3.md"), "B3 stampede");
        r.harness(dir.resolve("b4.md"), "B4 database load under writes");
        r.harness(dir.resolve("b5.md"), "B5 write overhead (one-entity transaction: find a comment, change it, commit)");
        r.b6Growth();
        r.b6Dispatch();
        r.harness(dir.resolve("footprint.md"), "B6 heap per entry");
        r.b7();
        ScalingTable.table(r.results).ifPresent(t -> r.md.append("### B8 hit throughput at 1, 2 and 4 threads (embedded stores)\n\n").append(t).append('\n'));
        Files.writeString(dir.resolve("report.md"), r.md, StandardCharsets.UTF_8);
        System.out.print(r.md);
    }

    // ------------------------------------------------------------------ machine

    private void header(String mode, String options) throws IOException {
        md.append("## Run: ").append(mode).append(" mode, ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| CPU | ").append(cpuModel()).append(" |\n");
        md.append("| cores (nproc) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| memory | ").append(memory()).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" (").append(System.getProperty("java.vendor")).append(") |\n");
        md.append("| load average when the report was written | ")
                .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append(" |\n");
        md.append("| JMH options | `").append(options).append("` |\n\n");
    }

    private static String cpuModel() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() throws IOException {
        Path info = Path.of("/proc/meminfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("MemTotal")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        }
        return "?";
    }

    // ------------------------------------------------------------------ B1

    private static final String[][] B1_ROWS = {
        {"triggercacheOne", "triggercache `@Cached` hit, 1 argument (Weld proxy + interceptor)"},
        {"triggercacheThree", "triggercache `@Cached` hit, 3 arguments (Weld proxy + interceptor)"},
        {"engineOne", "triggercache engine alone, 1 argument (no container)"},
        {"rawGetOne", "raw JCache `get`, `Long` key"},
        {"rawGetThree", "raw JCache `get`, hand-built 3-part key"},
        {"springCacheableOne", "Spring `@Cacheable`, 1 argument"},
        {"springCacheableThree", "Spring `@Cacheable`, 3 arguments"},
        {"jsr107CacheResultOne", "Spring JSR-107 `@CacheResult`, 1 argument"},
        {"jsr107CacheResultThree", "Spring JSR-107 `@CacheResult`, 3 arguments"},
        {"concurrentHashMapGet", "`ConcurrentHashMap.get` (no provider)"},
        {"uncachedCallThroughProxy", "uncached method, same Weld client proxy (no provider)"},
        {"noopInterceptorThroughProxy", "method behind a no-op interceptor, same proxy (no provider)"},
    };

    private void b1() {
        List<Result> rows = results.of("HitBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        md.append("### B1 hit cost\n\n");
        List<String> goals = new ArrayList<>();
        for (int threads : new TreeSet<>(rows.stream().map(Result::threads).toList())) {
            for (String provider : PROVIDERS) {
                Optional<Result> one = b1(threads, provider, "triggercacheOne");
                if (one.isEmpty()) {
                    continue;
                }
                md.append("**").append(provider).append(", ").append(threads).append(threads == 1 ? " thread" : " threads").append("**\n\n");
                md.append("| contender | ns/op: median (mean ± error) | bytes/op | triggercache 1-arg hit ÷ this |\n|---|---|---|---|\n");
                for (String[] row : B1_ROWS) {
                    Optional<Result> r = b1(threads, provider, row[0]);
                    r.ifPresent(x -> md.append("| ").append(row[1]).append(" | ").append(ns(x)).append(" | ").append(bytes(x.bytesPerOp()))
                            .append(" | ").append(ratio(one.get().typical() / x.typical())).append(" |\n"));
                }
                md.append('\n');
                Optional<Result> three = b1(threads, provider, "triggercacheThree");
                Optional<Result> rawOne = b1(threads, provider, "rawGetOne");
                Optional<Result> rawThree = b1(threads, provider, "rawGetThree");
                Optional<Result> springOne = b1(threads, provider, "springCacheableOne");
                Optional<Result> springThree = b1(threads, provider, "springCacheableThree");
                Optional<Result> engine = b1(threads, provider, "engineOne");
                Optional<Result> proxy = b1(threads, provider, "uncachedCallThroughProxy");
                String where = provider + ", " + threads + "t";
                rawOne.ifPresent(raw -> goals.add(goal(where, "1-arg hit <= 1.3x raw get", one.get().typical() / raw.typical(), "x", 1.3, true)));
                three.flatMap(t -> rawThree.map(raw -> goal(where, "3-arg hit <= 1.3x raw get", t.typical() / raw.typical(), "x", 1.3, true)))
                        .ifPresent(goals::add);
                springOne.ifPresent(s -> goals.add(goal(where, "1-arg: Spring @Cacheable ÷ ours >= 3", s.typical() / one.get().typical(), "x", 3, false)));
                three.flatMap(t -> springThree.map(s -> goal(where, "3-arg: Spring @Cacheable ÷ ours >= 3", s.typical() / t.typical(), "x", 3, false)))
                        .ifPresent(goals::add);
                goals.add(goal(where, "1-arg hit <= 48 bytes", one.get().bytesPerOp(), " B", 48, true));
                three.ifPresent(t -> goals.add(goal(where, "3-arg hit <= 48 bytes", t.bytesPerOp(), " B", 48, true)));
                engine.flatMap(e -> rawOne.map(raw -> context(where, "engine alone ÷ raw get (the library's share, no container)",
                        ratio(e.typical() / raw.typical()) + ", " + bytes(e.bytesPerOp()) + " B/op"))).ifPresent(goals::add);
                Optional<Result> noop = b1(threads, provider, "noopInterceptorThroughProxy");
                proxy.flatMap(p -> rawOne.map(raw -> context(where, "(1-arg hit − uncached proxy call) ÷ raw get",
                        ratio((one.get().typical() - p.typical()) / raw.typical()) + ", bytes above the proxy call: "
                                + bytes(one.get().bytesPerOp() - p.bytesPerOp())))).ifPresent(goals::add);
                noop.flatMap(n -> rawOne.map(raw -> context(where, "(1-arg hit − no-op interceptor call) ÷ raw get",
                        ratio((one.get().typical() - n.typical()) / raw.typical()) + ", bytes above the no-op interceptor: "
                                + bytes(one.get().bytesPerOp() - n.bytesPerOp())))).ifPresent(goals::add);
                int t = threads;
                dependencies(where, "hit of an outer entry (Weld proxy + interceptor)", results.of("HitBenchmark").stream()
                        .filter(r -> r.method().equals("triggercacheDeps") && r.threads() == t && r.param("provider").equals(provider)).toList(),
                        rawOne, "raw get", goals);
            }
        }
        goalTable(goals);
    }

    /**
     * The table of an outer entry's hit cost by its number of dependencies ({@code deps} parameter), with the
     * ratio to the same run's {@code deps = 0} and the cost each dependency adds, in units of {@code unit} (one
     * read of the store): with one token read per dependency, locally, or one round trip in all, shared, this stays
     * well under one unit per dependency.
     */
    private void dependencies(String where, String what, List<Result> rows, Optional<Result> unit, String unitName, List<String> goals) {
        Optional<Result> none = rows.stream().filter(r -> r.param("deps").equals("0")).findFirst();
        if (rows.isEmpty() || none.isEmpty()) {
            return;
        }
        md.append("| dependencies | ").append(what).append(", ns/op: median (mean ± error) | bytes/op | ÷ 0 dependencies | added per dependency, ns | ÷ ")
                .append(unitName).append(" |\n|---|---|---|---|---|---|\n");
        TreeSet<Integer> ks = new TreeSet<>(rows.stream().map(r -> Integer.parseInt(r.param("deps"))).toList());
        for (int k : ks) {
            Result r = rows.stream().filter(x -> x.param("deps").equals(Integer.toString(k))).findFirst().orElseThrow();
            double perDependency = k == 0 ? Double.NaN : (r.typical() - none.get().typical()) / k;
            md.append("| ").append(k).append(" | ").append(ns(r)).append(" | ").append(bytes(r.bytesPerOp())).append(" | ")
                    .append(ratio(r.typical() / none.get().typical())).append(" | ").append(num(perDependency)).append(" | ")
                    .append(unit.map(u -> ratio(perDependency / u.typical())).orElse("-")).append(" |\n");
        }
        md.append('\n');
        int most = ks.last();
        if (most > 0) {
            Result r = rows.stream().filter(x -> x.param("deps").equals(Integer.toString(most))).findFirst().orElseThrow();
            unit.ifPresent(u -> goals.add(context(where, most + " dependencies: cost added per dependency ÷ " + unitName
                    + " (one store read per dependency would be about 1x; " + most + " in one bulk read well under)",
                    ratio((r.typical() - none.get().typical()) / most / u.typical()))));
        }
    }

    private Optional<Result> b1(int threads, String provider, String method) {
        return results.find("HitBenchmark", method, threads, r -> r.param("provider").isEmpty() || r.param("provider").equals(provider));
    }

    // ------------------------------------------------------------------ B2

    private static final String[][] B2_PAIRS = {
        {"1 part (`long`)", "parts1Triggercache", "parts1HandBuilt"},
        {"3 parts (`long, String, int`)", "parts3Triggercache", "parts3HandBuilt"},
        {"6 parts", "parts6Triggercache", "parts6HandBuilt"},
        {"suffix `post.id` (property path)", "suffixPathTriggercache", "suffixHandBuilt"},
        {"suffix `postId` (id passed by the caller)", "suffixArgumentTriggercache", "suffixHandBuilt"},
    };

    private void b2() {
        List<Result> rows = results.of("KeyBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        md.append("### B2 key cost (engine directly, no container)\n\n");
        for (String provider : new TreeSet<>(rows.stream().map(r -> r.param("provider")).toList())) {
            md.append("**").append(provider).append("**\n\n");
            md.append("| key | triggercache hit ns/op: median (mean ± error) | bytes/op | hand-built key + `get` ns/op | bytes/op | ratio of medians | difference ns |\n|---|---|---|---|---|---|---|\n");
            for (String[] pair : B2_PAIRS) {
                Optional<Result> ours = results.find("KeyBenchmark", pair[1], 1, r -> r.param("provider").equals(provider));
                Optional<Result> hand = results.find("KeyBenchmark", pair[2], 1, r -> r.param("provider").equals(provider));
                if (ours.isPresent() && hand.isPresent()) {
                    md.append("| ").append(pair[0]).append(" | ").append(ns(ours.get())).append(" | ").append(bytes(ours.get().bytesPerOp()))
                            .append(" | ").append(ns(hand.get())).append(" | ").append(bytes(hand.get().bytesPerOp())).append(" | ")
                            .append(ratio(ours.get().typical() / hand.get().typical())).append(" | ")
                            .append(num(ours.get().typical() - hand.get().typical())).append(" |\n");
                }
            }
            Optional<Result> path = results.find("KeyBenchmark", "suffixPathTriggercache", 1, r -> r.param("provider").equals(provider));
            Optional<Result> arg = results.find("KeyBenchmark", "suffixArgumentTriggercache", 1, r -> r.param("provider").equals(provider));
            if (path.isPresent() && arg.isPresent()) {
                md.append("\nThe property path `post.id` costs ").append(num(path.get().typical() - arg.get().typical()))
                        .append(" ns per call over a key the caller extracted by hand.\n");
            }
            md.append('\n');
        }
    }

    // ------------------------------------------------------------------ B6

    private void b6Growth() {
        List<Result> rows = results.of("GrowthBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        md.append("### B6 hit cost as entries grow (engine directly, uniformly random keys)\n\n");
        md.append("| provider | entries | triggercache hit ns/op: median (mean ± error) | bytes/op | raw `get` ns/op | bytes/op | ratio of medians |\n|---|---|---|---|---|---|---|\n");
        List<String> goals = new ArrayList<>();
        for (String provider : PROVIDERS) {
            TreeSet<Integer> sizes = new TreeSet<>();
            rows.stream().filter(r -> r.param("provider").equals(provider)).forEach(r -> sizes.add(Integer.parseInt(r.param("entries"))));
            for (int size : sizes) {
                Optional<Result> ours = growth(provider, size, "triggercacheHit");
                Optional<Result> raw = growth(provider, size, "rawGet");
                md.append("| ").append(provider).append(" | ").append(String.format(Locale.ROOT, "%,d", size)).append(" | ")
                        .append(ours.map(Report::ns).orElse("-")).append(" | ").append(ours.map(r -> bytes(r.bytesPerOp())).orElse("-")).append(" | ")
                        .append(raw.map(Report::ns).orElse("-")).append(" | ").append(raw.map(r -> bytes(r.bytesPerOp())).orElse("-")).append(" | ")
                        .append(ours.isPresent() && raw.isPresent() ? ratio(ours.get().typical() / raw.get().typical()) : "-").append(" |\n");
            }
            if (sizes.size() > 1) {
                int small = sizes.first();
                int large = sizes.last();
                String span = String.format(Locale.ROOT, "%,d -> %,d", small, large);
                growth(provider, small, "triggercacheHit").flatMap(a -> growth(provider, large, "triggercacheHit").map(b ->
                        goal(provider, "triggercache hit, " + span + ": flat within 1.5x", b.typical() / a.typical(), "x", 1.5, true))).ifPresent(goals::add);
                growth(provider, small, "rawGet").flatMap(a -> growth(provider, large, "rawGet").map(b ->
                        context(provider, "raw get, " + span + " (the memory hierarchy's share)", ratio(b.typical() / a.typical())))).ifPresent(goals::add);
            }
        }
        md.append('\n');
        goalTable(goals);
    }

    private Optional<Result> growth(String provider, int size, String method) {
        return results.find("GrowthBenchmark", method, 1, r -> r.param("provider").equals(provider) && r.param("entries").equals(Integer.toString(size)));
    }

    private void b6Dispatch() {
        List<Result> rows = results.of("DispatchBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        md.append("### B6 dispatch cost per change (one `Comment` update per transaction, Ehcache store)\n\n");
        md.append("| cached methods declared | methods matching the change | committed ns/op: median (mean ± error) | bytes/op | rolled back ns/op | bytes/op | committed, per matching method ns |\n")
                .append("|---|---|---|---|---|---|---|\n");
        List<String> goals = new ArrayList<>();
        for (String matching : new TreeSet<>(rows.stream().map(r -> r.param("matching")).toList())) {
            TreeSet<Integer> counts = new TreeSet<>();
            rows.stream().filter(r -> r.param("matching").equals(matching)).forEach(r -> counts.add(Integer.parseInt(r.param("methods"))));
            for (int n : counts) {
                Optional<Result> c = dispatch(matching, n, "committed");
                Optional<Result> rb = dispatch(matching, n, "rolledBack");
                int matched = "all".equals(matching) ? n : Math.min(n, Integer.parseInt(matching));
                md.append("| ").append(String.format(Locale.ROOT, "%,d", n)).append(" | ").append(String.format(Locale.ROOT, "%,d", matched)).append(" | ")
                        .append(c.map(Report::ns).orElse("-")).append(" | ").append(c.map(r -> bytes(r.bytesPerOp())).orElse("-")).append(" | ")
                        .append(rb.map(Report::ns).orElse("-")).append(" | ").append(rb.map(r -> bytes(r.bytesPerOp())).orElse("-")).append(" | ")
                        .append(c.map(r -> num(r.typical() / matched)).orElse("-")).append(" |\n");
            }
            if (!"all".equals(matching) && counts.size() > 1) {
                int small = counts.first();
                int large = counts.last();
                for (String method : List.of("committed", "rolledBack")) {
                    dispatch(matching, small, method).flatMap(a -> dispatch(matching, large, method).map(b -> goal("matching " + matching,
                            method + String.format(Locale.ROOT, ", %,d -> %,d methods declared: flat within 1.5x", small, large),
                            b.typical() / a.typical(), "x", 1.5, true))).ifPresent(goals::add);
                }
            }
        }
        md.append('\n');
        goalTable(goals);
    }

    private Optional<Result> dispatch(String matching, int methods, String method) {
        return results.find("DispatchBenchmark", method, 1, r -> r.param("matching").equals(matching) && r.param("methods").equals(Integer.toString(methods)));
    }

    // ------------------------------------------------------------------ B7

    private static final String[] ENGINES = {"hazelcast", "infinispan", "redisson"};

    /** Method, label, the local anchor of the same path. */
    private static final String[][] B7_ROWS = {
        {"sharedOff", "`OFF` hit (Weld proxy + interceptor)", "localEhcache"},
        {"sharedStrict", "`STRICT` hit (Weld proxy + interceptor)", "localEhcache"},
        {"sharedNear", "`NEAR` hit (Weld proxy + interceptor)", "localEhcache"},
        {"sharedNearEngine", "`NEAR` hit, engine alone (no container)", "localEhcacheEngine"},
        {"sharedRawGet", "the provider's raw JCache `get` of a present key", "localEhcacheRawGet"},
    };

    private void b7() {
        List<Result> rows = results.of("NearHitBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        md.append("### B7 hit cost per near mode and engine (two nodes in one JVM, 16 keys read in turn)\n\n");
        Optional<Result> local = b7("", "localEhcache");
        Optional<Result> localEngine = b7("", "localEhcacheEngine");
        Optional<Result> localRaw = b7("", "localEhcacheRawGet");
        md.append("| local anchor (embedded Ehcache 3 store, tokens in the JVM) | ns/op: median (mean ± error) | bytes/op |\n|---|---|---|\n");
        for (Optional<Result> r : List.of(local, localEngine, localRaw)) {
            r.ifPresent(x -> md.append("| ").append(switch (x.method()) {
                case "localEhcache" -> "local Ehcache hit (Weld proxy + interceptor)";
                case "localEhcacheEngine" -> "local Ehcache hit, engine alone (no container)";
                default -> "raw Ehcache JCache `get`";
            }).append(" | ").append(ns(x)).append(" | ").append(bytes(x.bytesPerOp())).append(" |\n"));
        }
        md.append('\n');
        List<String> goals = new ArrayList<>();
        for (String engine : ENGINES) {
            if (b7(engine, "sharedRawGet").isEmpty() && b7(engine, "sharedNear").isEmpty()) {
                continue;
            }
            Optional<Result> raw = b7(engine, "sharedRawGet");
            md.append("**").append(engine).append("**\n\n");
            md.append("| contender | ns/op: median (mean ± error) | bytes/op | ÷ local Ehcache by the same path (Weld, engine alone, or raw `get`) | ÷ provider's raw `get` |\n|---|---|---|---|---|\n");
            for (String[] row : B7_ROWS) {
                Optional<Result> r = b7(engine, row[0]);
                Optional<Result> anchor = b7("", row[2]);
                r.ifPresent(x -> md.append("| ").append(row[1]).append(" | ").append(ns(x)).append(" | ").append(bytes(x.bytesPerOp())).append(" | ")
                        .append(anchor.map(a -> ratio(x.typical() / a.typical())).orElse("-")).append(" | ")
                        .append(raw.map(a -> ratio(x.typical() / a.typical())).orElse("-")).append(" |\n"));
            }
            md.append('\n');
            b7(engine, "sharedNear").flatMap(n -> local.map(l -> goal(engine, "`NEAR` hit <= 1.5x a local Ehcache hit (through Weld)",
                    n.typical() / l.typical(), "x", 1.5, true))).ifPresent(goals::add);
            b7(engine, "sharedNearEngine").flatMap(n -> localEngine.map(l -> goal(engine, "`NEAR` hit <= 1.5x a local Ehcache hit (engine alone)",
                    n.typical() / l.typical(), "x", 1.5, true))).ifPresent(goals::add);
            b7(engine, "sharedStrict").flatMap(st -> raw.map(rg -> context(engine, "`STRICT` hit ÷ raw `get` (two token reads)",
                    ratio(st.typical() / rg.typical())))).ifPresent(goals::add);
            b7(engine, "sharedOff").flatMap(o -> raw.map(rg -> context(engine, "`OFF` hit ÷ raw `get` (entry + two token reads + decoding)",
                    ratio(o.typical() / rg.typical())))).ifPresent(goals::add);
            dependencies(engine, "`STRICT` hit of an outer entry (Weld proxy + interceptor)", results.of("NearHitBenchmark").stream()
                    .filter(r -> r.method().equals("sharedStrictDeps") && r.threads() == 1 && r.param("engine").equals(engine)).toList(),
                    raw, "raw `get` (one round trip)", goals);
        }
        goalTable(goals);
    }

    private Optional<Result> b7(String engine, String method) {
        return results.find("NearHitBenchmark", method, 1, r -> r.param("engine").equals(engine));
    }

    // ------------------------------------------------------------------ harnesses, formatting

    private void harness(Path file, String title) throws IOException {
        if (Files.exists(file)) {
            md.append("### ").append(title).append("\n\n").append(Files.readString(file, StandardCharsets.UTF_8).trim()).append("\n\n");
        }
    }

    private static String goal(String where, String goal, double measured, String unit, double limit, boolean atMost) {
        boolean met = atMost ? measured <= limit : measured >= limit;
        return "| " + where + " | " + goal + " | " + (unit.equals("x") ? ratio(measured) : num(measured) + unit) + " | " + (met ? "met" : "**missed**") + " |";
    }

    private static String context(String where, String what, String measured) {
        return "| " + where + " | " + what + " | " + measured + " | (context) |";
    }

    private void goalTable(List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("| where | goal | measured | |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
    }

    /** The median of the iterations, then the mean and its 99.9% error as JMH reports them. */
    private static String ns(Result r) {
        String mean = Double.isNaN(r.error()) ? num(r.score()) : num(r.score()) + " ± " + num(r.error());
        return Double.isNaN(r.p50()) ? mean : num(r.p50()) + " (" + mean + ")";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String bytes(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", Math.abs(v) < 0.5 ? 0.0 : v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }
}
