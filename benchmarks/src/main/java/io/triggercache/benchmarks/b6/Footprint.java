package io.triggercache.benchmarks.b6;

import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.JCacheStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * B6, heap bytes per cached entry beyond the value: the retained heap of N entries (all holding one shared
 * value, so the value itself weighs nothing) measured as the used heap after full collections, after filling
 * minus before, divided by N, median of several repetitions. Run with {@code -XX:+UseSerialGC} so that "used
 * after a full collection" is exact.
 *
 * <ul>
 *   <li>raw: a cache of the provider, configured like triggercache's, keyed by the {@code Long} id;</li>
 *   <li>triggercache, one group: {@link GrowthService#ungrouped} (no suffix) through the engine;</li>
 *   <li>triggercache, a group per entry: {@link GrowthService#grouped} ({@code suffix = "id"}), which adds a
 *       group token per entry.</li>
 * </ul>
 * Both sides allocate the same {@code Long} key objects. {@code Footprint [entries] [repetitions] [output file]}.
 */
public final class Footprint {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** One way of holding N entries. */
    interface Filler {
        String name();

        /** Fills and returns what must stay reachable while the heap is measured. */
        AutoCloseable fill(Object[] keys) throws Exception;
    }

    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "B6 footprint: %,d entries sharing one value, retained heap after full GCs (%s), median of %d%n%n",
                entries, ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(), repetitions));
        table.append("| provider | holder | bytes per entry | beyond raw (bytes per entry) | ratio to raw |\n|---|---|---|---|---|\n");
        for (Provider p : Provider.values()) {
            double raw = 0;
            for (Filler f : fillers(p)) {
                double perEntry = measure(f, entries, repetitions);
                if (f.name().startsWith("raw")) {
                    raw = perEntry;
                    table.append(String.format(Locale.ROOT, "| %s | %s | %.1f | - | 1.00 |%n", p.label(), f.name(), perEntry));
                } else {
                    table.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %+.1f | %.2f |%n", p.label(), f.name(), perEntry, perEntry - raw, perEntry / raw));
                }
            }
        }
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    private static List<Filler> fillers(Provider p) {
        List<Filler> list = new ArrayList<>();
        list.add(new Filler() {
            @Override
            public String name() {
                return "raw JCache cache";
            }

            @Override
            public AutoCloseable fill(Object[] keys) {
                CacheManager manager = p.newManager("b6-footprint-raw");
                Cache<Object, Object> cache = p.createCache(manager, "raw", 2L * keys.length);
                for (Object k : keys) {
                    cache.put(k, GrowthService.VALUE);
                }
                return manager::close;
            }
        });
        list.add(engine(p, "triggercache, one group", "ungrouped"));
        list.add(engine(p, "triggercache, a group per entry", "grouped"));
        return list;
    }

    private static Filler engine(Provider p, String name, String method) {
        return new Filler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AutoCloseable fill(Object[] keys) throws Exception {
                CacheManager manager = p.newManager("b6-footprint");
                Method m = Engines.method(GrowthService.class, method, long.class);
                TriggerCacheEngine engine = Engines.over(manager, 2L * keys.length, List.of(m));
                TriggerCacheEngine.Loader<Object> loader = ignored -> GrowthService.VALUE;
                for (Object k : keys) {
                    engine.call(m, new Object[] {k}, loader, null);
                }
                if (engine.of(engine.names().get(0)).loads() != keys.length) {
                    throw new IllegalStateException("expected " + keys.length + " loads, got " + engine.of(engine.names().get(0)));
                }
                return () -> {
                    engine.close();
                    manager.close();
                };
            }
        };
    }

    private static double measure(Filler f, int entries, int repetitions) throws Exception {
        double[] perEntry = new double[repetitions];
        // one unmeasured round loads the classes and lets the provider create its singletons
        AutoCloseable warm = f.fill(keys(1_000));
        used();
        warm.close();
        for (int r = 0; r < repetitions; r++) {
            Object[] keys = keys(entries);
            long before = used();
            AutoCloseable held = f.fill(keys);
            long after = used();
            perEntry[r] = (after - before) / (double) entries;
            held.close();
            // keys and held are reachable until here
            java.lang.ref.Reference.reachabilityFence(keys);
            java.lang.ref.Reference.reachabilityFence(held);
        }
        Arrays.sort(perEntry);
        return perEntry[repetitions / 2];
    }

    private static Object[] keys(int n) {
        Object[] keys = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Long.valueOf(1_000_000L + i);
        }
        return keys;
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
