package io.triggercache.oracle;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The randomized checker. N threads run for a bounded time, each choosing at random between: a batch of checked
 * reads (under {@link CommitGate#quiet}: each cached result is compared with the same computation run uncached in a
 * fresh transaction, at the same epoch); unchecked reads racing the writers (they fill the cache while commits
 * happen); a random {@link Operation}; and a reader that holds a persistence context and a snapshot across another
 * transaction's commit before it calls cached methods. A checked read whose cached result differs from the truth is
 * a stale read.
 */
final class Oracle {

    /** What to run. */
    record Settings(OracleDatabase database, long seconds, int threads, long seed, long targetReads) {

        /**
         * From the system properties {@code oracle.seconds} (the longest the run may take), {@code oracle.threads} and
         * {@code oracle.target.reads} (stop earlier once that many reads were checked; 0, the default, runs the whole
         * time), with defaults.
         */
        static Settings of(OracleDatabase db, long defaultSeconds) {
            return new Settings(db, Long.getLong("oracle.seconds", defaultSeconds), Integer.getInteger("oracle.threads", 6),
                    Long.getLong("oracle.seed", System.nanoTime()), Long.getLong("oracle.target.reads", 0));
        }
    }

    private static final int BATCH = 48;
    private static final int MAX_OBSERVATIONS = 48;
    private static final int MAX_WINDOW = 4_000;

    private final Settings settings;
    private final OracleRun result;
    private OracleJpa jpa;
    private OracleQueries queries;
    private Reads reads;
    private World world;

    private volatile long memoEpoch = -1;
    private volatile ConcurrentHashMap<ReadKey, Object> memo = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ReadKey, Deque<Observation>> observations = new ConcurrentHashMap<>();

    private Oracle(Settings settings) {
        this.settings = settings;
        this.result = new OracleRun(settings);
    }

    /** Boots Weld with the real extension and integrator on the database, seeds, runs, and returns the figures. */
    static OracleRun run(Settings settings) throws Exception {
        return new Oracle(settings).go();
    }

    private OracleRun go() throws Exception {
        CountingStore.drops = new CountingStore.Drops();
        LoadLog.reset();
        OracleJpa.database = settings.database();
        Weld weld = new Weld("oracle-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(OracleJpa.class, Reads.class, OracleQueries.class, OracleStore.class)
                .addExtension(new TriggerCacheExtension());
        LogCounter logs = LogCounter.install();
        try (WeldContainer container = weld.initialize()) {
            jpa = container.select(OracleJpa.class).get();
            queries = container.select(OracleQueries.class).get();
            reads = container.select(Reads.class).get();
            world = new World(jpa, queries);
            world.seed(new Random(settings.seed()));

            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(settings.seconds());
            ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                Random random = new Random(settings.seed() * 31 + t);
                workers.add(pool.submit(() -> work(random, deadline)));
            }
            for (Future<?> w : workers) {
                w.get(settings.seconds() + 120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            result.elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            CacheStatistics statistics = container.select(CacheStatistics.class).get();
            for (MethodStatistics s : statistics.all()) {
                result.methodStatistics.add(s);
            }
            result.commits = jpa.gate().epoch();
            result.drops = CountingStore.drops.totals();
            result.logCounts = logs.counts();
            result.logFirsts = logs.firsts();
        } finally {
            logs.close();
        }
        return result;
    }

    private Void work(Random r, long deadline) {
        long target = settings.targetReads();
        while (System.nanoTime() < deadline && (target <= 0 || result.checkedTotal.sum() < target)) {
            int x = r.nextInt(100);
            if (x < 45) {
                checkedBatch(r);
            } else if (x < 68) {
                racingReads(r);
            } else if (x < 96) {
                operation(Operation.pick(r), r);
            } else {
                snapshotReader(r);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ writes

    private void operation(Operation op, Random r) {
        CommitLog.Running running = new CommitLog.Running(op);
        CommitLog.Running outer = CommitGate.CURRENT.get();
        String outerContext = LoadLog.CONTEXT.get();
        CommitGate.CURRENT.set(running);
        LoadLog.CONTEXT.set("writer's own transaction [" + op + "]");
        try {
            op.run(world, r, running);
            result.ran(op, null);
        } catch (RuntimeException e) {
            result.ran(op, e);
        } finally {
            LoadLog.CONTEXT.set(outerContext);
            if (outer == null) {
                CommitGate.CURRENT.remove();
            } else {
                CommitGate.CURRENT.set(outer);
            }
        }
    }

    // ------------------------------------------------------------------ reads

    private void racingReads(Random r) {
        LoadLog.CONTEXT.set("racing read [unchecked, concurrent with commits]");
        for (int i = 0; i < 8; i++) {
            try {
                ReadSpec.pick(r).call(queries, r);
                result.racingReads.increment();
            } catch (RuntimeException e) {
                result.readError("racing read", e);
            }
        }
    }

    /**
     * A transaction that holds entities in its persistence context and a database snapshot, then another transaction
     * changes data and commits, then the first one calls cached methods: it may see its snapshot, but what it computes
     * must never be stored as current.
     */
    private void snapshotReader(Random r) {
        long postId = World.postId(r);
        String handle = World.handle((int) World.authorId(r));
        try (OracleJpa.Open t = jpa.open()) {
            LoadLog.CONTEXT.set("snapshot reader [its transaction, persistence context and snapshot began before commit #" + (jpa.gate().epoch() + 1) + "]");
            t.use(em -> {
                reads.postCard(postId);                              // the post, its tags and ratings now in the context
                reads.authorProfile(handle);
                return reads.commentTexts(postId);                   // the snapshot begins (REPEATABLE READ)
            });
            operation(Operation.pick(r), r);                          // another transaction commits meanwhile
            t.use(em -> {
                queries.postCard(postId);
                queries.authorProfile(handle);
                queries.commentTexts(postId);
                for (int i = 0; i < 4; i++) {
                    ReadSpec.pick(r).call(queries, r);
                }
                return null;
            });
            t.commitReadOnly();
            result.snapshotReaders.increment();
        } catch (RuntimeException e) {
            result.readError("snapshot reader", e);
        }
    }

    private void checkedBatch(Random r) {
        try {
            jpa.gate().quiet(() -> {
                long epoch = jpa.gate().epoch();
                LoadLog.CONTEXT.set("checked read [no commit in flight: correct when computed]");
                for (int i = 0; i < BATCH; i++) {
                    ReadSpec spec = ReadSpec.pick(r);
                    Object key = spec.key(r);
                    boolean inTransaction = r.nextInt(3) == 0;
                    Object cached = inTransaction ? jpa.readTx(em -> spec.cached(queries, key)) : spec.cached(queries, key);
                    Object truth = truth(epoch, spec, key);
                    result.checked(spec);
                    if (!cached.equals(truth)) {
                        stale(spec, key, cached, truth, epoch, inTransaction);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            result.readError("checked read", e);
        }
    }

    /** The uncached result at {@code epoch}, computed once per epoch and key in a fresh transaction. */
    private Object truth(long epoch, ReadSpec spec, Object key) {
        ConcurrentHashMap<ReadKey, Object> m = memo;
        if (memoEpoch != epoch) {
            synchronized (this) {
                if (memoEpoch != epoch) {
                    memo = new ConcurrentHashMap<>();
                    memoEpoch = epoch;
                }
                m = memo;
            }
        }
        ReadKey k = new ReadKey(spec, key);
        Object truth = m.get(k);
        if (truth == null) {
            truth = jpa.readTx(em -> spec.truth(reads, key));
            m.put(k, truth);
            Deque<Observation> obs = observations.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (obs) {
                if (obs.isEmpty() || obs.peekLast().epoch() < epoch) {
                    obs.addLast(new Observation(epoch, truth));
                    if (obs.size() > MAX_OBSERVATIONS) {
                        obs.removeFirst();
                    }
                }
            }
        }
        return truth;
    }

    /**
     * Records a stale read and names the commits that made the cached value old: those after the last epoch at which
     * the value was the truth, up to the first epoch at which it no longer was, that write an entity type the method reads.
     */
    private void stale(ReadSpec spec, Object key, Object cached, Object truth, long epoch, boolean inTransaction) {
        ReadKey k = new ReadKey(spec, key);
        LoadLog.Computed computedBy = LoadLog.computedBy(spec, key, cached);
        long wasTrueAt = -1;
        long changedBy = epoch;
        Deque<Observation> obs = observations.get(k);
        if (obs != null) {
            synchronized (obs) {
                List<Observation> list = new ArrayList<>(obs);
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).value().equals(cached)) {
                        wasTrueAt = list.get(i).epoch();
                        changedBy = i + 1 < list.size() ? list.get(i + 1).epoch() : epoch;
                        break;
                    }
                }
            }
        }
        String since;
        if (wasTrueAt >= 0) {
            since = "the cached value was the truth at commit #" + wasTrueAt + ", no longer at #" + changedBy;
        } else if (computedBy != null) {
            // never checked while true: it was computed from the state of some epoch in [from, to]
            wasTrueAt = computedBy.from();
            changedBy = epoch;
            since = "the cached value was never seen as the truth; computed between commits #" + computedBy.from() + " and #"
                    + computedBy.to() + ", stale at #" + epoch;
        } else {
            since = "the cached value was never seen as the truth nor computed by a body";
        }
        Set<Operation> kinds = new LinkedHashSet<>();
        List<String> commits = new ArrayList<>();
        if (wasTrueAt >= 0) {
            for (long e = Math.max(wasTrueAt + 1, changedBy - MAX_WINDOW); e <= changedBy; e++) {
                CommitLog.Entry c = jpa.commits().at(e);
                if (c != null && c.changed() && c.operation() != null && spec.affectedBy(c.operation())) {
                    kinds.add(c.operation());
                    if (commits.size() < 6) {
                        commits.add("#" + e + " " + c.operation() + ": " + c.what());
                    }
                }
            }
        }
        String example = spec.shortName() + "(" + key + ") at commit #" + epoch + (inTransaction ? ", read in a transaction" : ", read outside a transaction")
                + ": cached " + cached + ", truth " + truth + "; " + since
                + (commits.isEmpty() ? "" : "; commits between that write what it reads: " + String.join(" | ", commits))
                + "; the cached value was computed by " + (computedBy == null ? "no body run (never loaded)" : computedBy);
        result.distinctStale.get(spec).add(List.of(key, cached));
        result.stale(spec, kinds, LoadLog.kind(computedBy), example);
    }

    private record ReadKey(ReadSpec spec, Object key) {
    }

    private record Observation(long epoch, Object value) {
    }

    /** The figures of one run. Thread-safe where workers write. */
    static final class OracleRun {
        final Settings settings;
        final Map<ReadSpec, LongAdder> checked = new EnumMap<>(ReadSpec.class);
        final Map<ReadSpec, LongAdder> staleByMethod = new EnumMap<>(ReadSpec.class);
        final Map<ReadSpec, String> firstByMethod = new ConcurrentHashMap<>();
        /** The distinct stale entries (key, value) per method: one stale entry read many times counts once here. */
        final Map<ReadSpec, Set<List<Object>>> distinctStale = new EnumMap<>(ReadSpec.class);
        final Map<Operation, LongAdder> staleByOperation = new ConcurrentHashMap<>();
        final Map<Operation, String> firstByOperation = new ConcurrentHashMap<>();
        final Map<String, LongAdder> staleByLoader = new ConcurrentHashMap<>();
        final Map<String, String> firstByLoader = new ConcurrentHashMap<>();
        final LongAdder unattributed = new LongAdder();
        volatile String firstUnattributed;
        final Map<Operation, LongAdder> runs = new ConcurrentHashMap<>();
        final Map<String, LongAdder> aborts = new ConcurrentHashMap<>();
        final Map<String, String> firstAbort = new ConcurrentHashMap<>();
        final Map<String, LongAdder> readErrors = new ConcurrentHashMap<>();
        final Map<String, String> firstReadError = new ConcurrentHashMap<>();
        final LongAdder checkedTotal = new LongAdder();
        final LongAdder racingReads = new LongAdder();
        final LongAdder snapshotReaders = new LongAdder();
        final List<MethodStatistics> methodStatistics = new ArrayList<>();
        long commits;
        long elapsedSeconds;
        Map<String, long[]> drops = Map.of();
        Map<String, Long> logCounts = Map.of();
        Map<String, String> logFirsts = Map.of();

        OracleRun(Settings settings) {
            this.settings = settings;
            for (ReadSpec s : ReadSpec.values()) {
                checked.put(s, new LongAdder());
                staleByMethod.put(s, new LongAdder());
                distinctStale.put(s, ConcurrentHashMap.newKeySet());
            }
        }

        void checked(ReadSpec spec) {
            checked.get(spec).increment();
            checkedTotal.increment();
        }

        void stale(ReadSpec spec, Set<Operation> kinds, String loader, String example) {
            staleByMethod.get(spec).increment();
            staleByLoader.computeIfAbsent(loader, l -> new LongAdder()).increment();
            firstByLoader.putIfAbsent(loader, example);
            firstByMethod.putIfAbsent(spec, example);
            if (kinds.isEmpty()) {
                unattributed.increment();
                if (firstUnattributed == null) {
                    firstUnattributed = example;
                }
            }
            for (Operation op : kinds) {
                staleByOperation.computeIfAbsent(op, o -> new LongAdder()).increment();
                firstByOperation.putIfAbsent(op, example);
            }
        }

        void ran(Operation op, RuntimeException e) {
            runs.computeIfAbsent(op, o -> new LongAdder()).increment();
            if (e != null) {
                String k = op + " " + rootCause(e).getClass().getSimpleName();
                aborts.computeIfAbsent(k, x -> new LongAdder()).increment();
                firstAbort.putIfAbsent(k, String.valueOf(rootCause(e).getMessage()).lines().findFirst().orElse(""));
            }
        }

        void readError(String where, RuntimeException e) {
            String k = where + " " + rootCause(e).getClass().getName();
            readErrors.computeIfAbsent(k, x -> new LongAdder()).increment();
            firstReadError.putIfAbsent(k, e + " / root: " + rootCause(e) + " at " + frames(rootCause(e)));
        }

        /** The first frames of {@code t}'s stack, so that a read error in the report names where it came from. */
        private static String frames(Throwable t) {
            StackTraceElement[] stack = t.getStackTrace();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(8, stack.length); i++) {
                b.append(i == 0 ? "" : " < ").append(stack[i]);
            }
            return b.toString();
        }

        private static Throwable rootCause(Throwable t) {
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t;
        }

        long checkedReads() {
            return checked.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long staleReads() {
            return staleByMethod.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long readErrorCount() {
            return readErrors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long hits() {
            return methodStatistics.stream().mapToLong(MethodStatistics::hits).sum();
        }

        long misses() {
            return methodStatistics.stream().mapToLong(MethodStatistics::misses).sum();
        }

        /** The stale reads per method, for assertion messages. */
        String staleSummary() {
            StringBuilder b = new StringBuilder();
            staleByMethod.forEach((s, n) -> {
                if (n.sum() > 0) {
                    b.append("\n  ").append(s.shortName()).append(": ").append(n.sum()).append(", first: ").append(firstByMethod.get(s));
                }
            });
            return b.toString();
        }
    }
}
