package io.triggercache.benchmarks.b3;

import io.triggercache.benchmarks.support.Item;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.SpringApp;
import io.triggercache.benchmarks.support.WeldApp;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * B3, the stampede: 64 callers released together on one missing key whose load takes 50 ms. Per trial it
 * counts the loads and takes the 99th percentile of the waiting callers' call times (every caller but the
 * ones that ran the loader); each trial uses a fresh key. Contenders, on each provider: triggercache through
 * Weld, Spring's {@code @Cacheable} without and with {@code sync = true} (Spring's JCache adapter), and the
 * hand-written JCache loop {@code get; if null { load; put }}.
 *
 * <p>Not a throughput benchmark, so not JMH: {@code Stampede [trials] [warm-up trials] [output file]} prints a
 * Markdown table (and writes it to the file). Goal (issue 6): exactly one load in every trial; p99 wait at
 * most the load time + 5 ms.
 */
public final class Stampede {

    static final int CALLERS = 64;
    static final double GOAL_SLACK_MILLIS = 5;

    /** One way of caching the slow method. */
    interface Contender extends AutoCloseable {
        String name();

        Object call(long id) throws Exception;

        @Override
        void close();
    }

    /** One trial's outcome. */
    record Trial(int loads, int waiters, double p99WaitMillis, double p99AllMillis) {
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        Stampede s = new Stampede();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "B3 stampede: %d callers, one key, %d ms load, %d trials (after %d warm-up trials) per contender;"
                + " system load average at start %.2f on %d cores%n%n", CALLERS, Loads.LOAD_MILLIS, trials, warmup,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        table.append("| provider | contender | loads per trial (min-max) | trials with exactly 1 load | waiters' p99, median trial (ms) | waiters' p99, worst trial (ms)"
                + " | all callers' p99, median / worst trial (ms) | goal: 1 load, waiters' p99 <= ").append(Loads.LOAD_MILLIS + (long) GOAL_SLACK_MILLIS).append(" ms |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        try {
            for (Provider p : Provider.values()) {
                for (Contender c : s.contenders(p)) {
                    try (c) {
                        List<Trial> results = s.run(c, trials, warmup);
                        table.append(row(p, c, results)).append('\n');
                    }
                }
            }
        } finally {
            s.pool.shutdownNow();
        }
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    private List<Contender> contenders(Provider p) {
        List<Contender> list = new ArrayList<>();
        list.add(triggercache(p));
        list.add(spring(p, false));
        list.add(spring(p, true));
        list.add(jcacheLoop(p));
        return list;
    }

    private static Contender triggercache(Provider p) {
        WeldApp app = WeldApp.start(p.newManager("b3-triggercache"), StampedeService.class);
        StampedeService service = app.bean(StampedeService.class);
        return new Contender() {
            @Override
            public String name() {
                return "triggercache @Cached (Weld)";
            }

            @Override
            public Object call(long id) {
                return service.load(id);
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    private static Contender spring(Provider p, boolean sync) {
        CacheManager manager = p.newManager("b3-spring");
        p.createCache(manager, SpringStampedeService.PLAIN, 10_000);
        p.createCache(manager, SpringStampedeService.SYNC, 10_000);
        SpringApp app = SpringApp.start(manager, SpringStampedeService.class);
        SpringStampedeService service = app.bean(SpringStampedeService.class);
        return new Contender() {
            @Override
            public String name() {
                return sync ? "Spring @Cacheable(sync = true)" : "Spring @Cacheable";
            }

            @Override
            public Object call(long id) {
                return sync ? service.loadSync(id) : service.load(id);
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    private static Contender jcacheLoop(Provider p) {
        CacheManager manager = p.newManager("b3-jcache");
        Cache<Object, Object> cache = p.createCache(manager, "stampede", 10_000);
        return new Contender() {
            @Override
            public String name() {
                return "JCache get, load, put";
            }

            @Override
            public Object call(long id) {
                Object v = cache.get(id);
                if (v == null) {
                    Loads.load();
                    v = new Item(id, "loaded");
                    cache.put(id, v);
                }
                return v;
            }

            @Override
            public void close() {
                manager.close();
            }
        };
    }

    private List<Trial> run(Contender c, int trials, int warmup) throws Exception {
        List<Trial> results = new ArrayList<>();
        for (int t = 0; t < warmup + trials; t++) {
            Trial r = trial(c, 1_000_000L * (t + 1));
            if (t >= warmup) {
                results.add(r);
            }
        }
        return results;
    }

    private Trial trial(Contender c, long id) throws Exception {
        Loads.resetCount();
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(pool.submit(() -> {
                Loads.ranHere();
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                Object v = c.call(id);
                long took = System.nanoTime() - start;
                if (!(v instanceof Item item) || item.id() != id) {
                    throw new IllegalStateException(c.name() + " returned " + v + " for " + id);
                }
                return new long[] {took, Loads.ranHere() ? 1 : 0};
            }));
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the callers did not start");
        }
        go.countDown();
        List<Long> waits = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : calls) {
            long[] r = f.get(60, TimeUnit.SECONDS);
            all.add(r[0]);
            if (r[1] == 0) {
                waits.add(r[0]);
            }
        }
        int loads = Loads.resetCount();
        long[] sortedWaits = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedAll = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Trial(loads, sortedWaits.length, millis(percentile(sortedWaits, 0.99)), millis(percentile(sortedAll, 0.99)));
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String row(Provider p, Contender c, List<Trial> results) {
        int minLoads = results.stream().mapToInt(Trial::loads).min().orElse(0);
        int maxLoads = results.stream().mapToInt(Trial::loads).max().orElse(0);
        long exactlyOne = results.stream().filter(r -> r.loads() == 1).count();
        boolean anyWaiter = results.stream().anyMatch(r -> r.waiters() > 0);
        double[] p99Wait = results.stream().filter(r -> r.waiters() > 0).mapToDouble(Trial::p99WaitMillis).sorted().toArray();
        double[] p99All = results.stream().mapToDouble(Trial::p99AllMillis).sorted().toArray();
        boolean met = exactlyOne == results.size() && anyWaiter && max(p99Wait) <= Loads.LOAD_MILLIS + GOAL_SLACK_MILLIS;
        return String.format(Locale.ROOT, "| %s | %s | %d-%d | %d of %d | %s | %s | %.1f / %.1f | %s |", p.label(), c.name(), minLoads, maxLoads,
                exactlyOne, results.size(), anyWaiter ? fmt(median(p99Wait)) : "none waited", anyWaiter ? fmt(max(p99Wait)) : "-",
                median(p99All), max(p99All), met ? "met" : "missed");
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }

    private static double max(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static String fmt(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private Stampede() {
    }
}
