package io.triggercache.benchmarks.b5;

import io.triggercache.benchmarks.b4.BlogRepository;
import io.triggercache.benchmarks.b6.GeneratedMethods;
import io.triggercache.benchmarks.support.Database;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.SqlCounter;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.hibernate.TriggerCacheSettings;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.cache.CacheManager;

/**
 * B5, write overhead: the latency of a one-entity transaction (open a session, find a comment, change it,
 * commit) with Hibernate ORM, without triggercache and with it: its Hibernate change source reporting to an
 * engine that holds 10,000 cached entries and declares 0, 10 or 100 triggers on {@code Comment} (each matching
 * every change, so each commit drops one group per trigger). With 0 the deployment has one cached method
 * without triggers (the listeners run and find nobody watching). The cached methods are compiled at start-up
 * ({@link GeneratedMethods}); the entries are put back before every round.
 *
 * <p>The goal is a ratio of 1.05, finer than the drift of a shared 2-core machine between two JMH forks, so
 * the variants run <b>interleaved</b> in one JVM, each on its own copy of the data: every round runs a batch
 * of transactions of each variant, in an order that rotates from round to round. Reported: mean, median and
 * p99 of all measured transactions, and the median over rounds of each round's median ratio to "without"
 * (a paired comparison, which cancels what the machine did during the round).
 *
 * <p>{@code WriteOverhead [rounds] [transactions per variant and round] [warm-up rounds] [output file]}.
 */
public final class WriteOverhead {

    static final int POSTS = 100;
    static final int COMMENTS_PER_POST = 5;
    static final int ENTRIES = 10_000;
    /** "10-norec": 10 triggers with the inspector's drop recording off ({@code dropsPerMethod(0)}), against "10". */
    static final String[] VARIANTS = {"without", "0", "10", "10-norec", "100"};

    /** One configuration with its own session factory and data. */
    static final class Variant implements AutoCloseable {
        final String name;
        final Database db;
        final String dataName;
        final BlogRepository repository = new BlogRepository(false);
        CacheManager manager;
        TriggerCacheEngine engine;
        List<Method> methods;
        long next;
        long seq;

        Variant(String name, Database db) throws Exception {
            this.name = name;
            this.db = db;
            this.dataName = "b5_" + name;
            Map<String, Object> settings = new HashMap<>();
            if ("without".equals(name)) {
                settings.put(TriggerCacheSettings.ENABLED, "false");
            } else {
                boolean recording = !name.endsWith("-norec");
                int n = Integer.parseInt(recording ? name : name.substring(0, name.length() - "-norec".length()));
                methods = n == 0 ? GeneratedMethods.compile(1, 0, false) : GeneratedMethods.compile(n, n);
                manager = Provider.EHCACHE.newManager("b5-" + name);
                engine = Engines.over(new io.triggercache.jcache.JCacheStore(manager), true, 2L * ENTRIES, methods, recording ? -1 : 0);
                settings.put(TriggerCacheSettings.SINK, engine);
            }
            repository.bind(db.open(dataName, 2, new SqlCounter(), settings));
            repository.seed(POSTS, COMMENTS_PER_POST);
        }

        /** Puts the 10,000 entries back (commits drop some of their groups). */
        void fill() throws Exception {
            if (engine == null) {
                return;
            }
            int perMethod = ENTRIES / methods.size();
            for (Method m : methods) {
                for (long id = 1; id <= perMethod; id++) {
                    Object[] args = {id};
                    engine.call(m, args, a -> m.getName(), args);
                }
            }
        }

        long transaction() {
            long comment = next++ % (POSTS * COMMENTS_PER_POST) + 1;
            long start = System.nanoTime();
            repository.updateComment(comment, ++seq);
            return System.nanoTime() - start;
        }

        String label() {
            return "without".equals(name) ? "without the library"
                    : name.endsWith("-norec") ? name.substring(0, name.length() - 6) + ", drops not recorded (inspector ring off)" : name;
        }

        @Override
        public void close() {
            repository.sessions().close();
            db.drop(dataName);
            if (engine != null) {
                engine.close();
                manager.close();
            }
        }
    }

    private WriteOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "B5 write overhead: %d rounds (after %d warm-up rounds) of %d transactions per variant, variants interleaved;"
                + " load average at start %.2f on %d cores%n%n", rounds, warmup, perRound,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        for (Database db : Database.configured()) {
            List<Variant> variants = new ArrayList<>();
            try {
                for (String v : VARIANTS) {
                    variants.add(new Variant(v, db));
                }
                md.append(table(db, variants, rounds, perRound, warmup));
            } finally {
                for (Variant v : variants) {
                    v.close();
                }
            }
        }
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        }
    }

    private static String table(Database db, List<Variant> variants, int rounds, int perRound, int warmup) throws Exception {
        int n = variants.size();
        long[][] all = new long[n][rounds * perRound];
        double[][] roundMedians = new double[n][rounds];
        for (int r = 0; r < warmup + rounds; r++) {
            for (Variant v : variants) {
                v.fill();
            }
            for (int k = 0; k < n; k++) {
                int i = (k + r) % n;
                long[] batch = new long[perRound];
                for (int t = 0; t < perRound; t++) {
                    batch[t] = variants.get(i).transaction();
                }
                if (r >= warmup) {
                    System.arraycopy(batch, 0, all[i], (r - warmup) * perRound, perRound);
                    Arrays.sort(batch);
                    roundMedians[i][r - warmup] = batch[perRound / 2];
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("**").append(db.label()).append("**\n\n");
        md.append("| triggers declared (10,000 entries cached) | mean us | median us | p99 us | median of the rounds' median ratios to without |\n")
                .append("|---|---|---|---|---|\n");
        double tenRatio = Double.NaN;
        int ten = -1;
        int tenOff = -1;
        for (int i = 0; i < n; i++) {
            long[] s = all[i].clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1000;
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = roundMedians[i][r] / roundMedians[0][r];
            }
            Arrays.sort(ratios);
            double ratio = ratios[rounds / 2];
            if ("10".equals(variants.get(i).name)) {
                tenRatio = ratio;
                ten = i;
            }
            if ("10-norec".equals(variants.get(i).name)) {
                tenOff = i;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2fx |%n", variants.get(i).label(), mean, s[s.length / 2] / 1000.0,
                    s[(int) Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)] / 1000.0, ratio));
        }
        md.append("\n| where | goal | measured | |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| %s | 10 triggers: commit latency <= 1.05x without the library | %.2fx | %s |%n%n",
                db.name().toLowerCase(Locale.ROOT), tenRatio, tenRatio <= 1.05 ? "met" : "**missed**"));
        if (ten >= 0 && tenOff >= 0) {
            // the inspector's recording: 10 triggers with the ring on against the same with it off, paired per round
            double[] recording = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                recording[r] = roundMedians[ten][r] / roundMedians[tenOff][r];
            }
            Arrays.sort(recording);
            double rec = recording[rounds / 2];
            md.setLength(md.length() - 1);
            md.append(String.format(Locale.ROOT, "| %s | 10 triggers: drop recording on <= 1.02x off (median of the rounds' ratios) | %.3fx | %s |%n%n",
                    db.name().toLowerCase(Locale.ROOT), rec, rec <= 1.02 ? "met" : "**missed**"));
        }
        return md.toString();
    }
}
