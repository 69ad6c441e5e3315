package io.triggercache.benchmarks.b4;

import io.triggercache.benchmarks.support.Database;
import io.triggercache.benchmarks.support.SqlCounter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * B4, database load under writes: the blog (500 posts, 5 comments each) read and written by 4 threads for a
 * fixed time, reads skewed (Zipf, s = 1, over posts in a fixed random order), at read/write mixes 99/1, 95/5
 * and 80/20, once per strategy, each on a freshly seeded data set.
 *
 * <p>Reads: 50% a post's comments, 40% a post, 10% the ten latest posts. Writes (serialized per post, so that
 * versions only grow): 60% edit a comment, 20% add a comment, 20% edit a post; each stamps the rows it writes
 * with a global write sequence number, and once it has returned (commit and any invalidation done) the
 * post's committed sequence is raised.
 *
 * <p>Measured per strategy: requests per second; SQL statements per 1,000 requests (every statement Hibernate
 * prepares, writes included); the read hit ratio (reads that sent no SQL on their thread); and <b>stale
 * reads</b>: reads that returned a version older than one committed before they started.
 *
 * <p>triggercache runs twice more per mix ({@link Reads}): with every read inside a transaction of its own that
 * began before it (as in a JTA application: the transaction's session first loads the post, then the cached
 * read runs in that session, so a writer committing in between makes the read go through an older snapshot),
 * and the same with the engine's {@code snapshot} protection switched off ({@code triggercache.unsafe.disable}),
 * to show that the stale-read count sees what that protection prevents. For a read inside a transaction, a hit
 * is a read that neither sent SQL nor reached the repository (the persistence context may answer a find
 * without SQL), and a stale read is one older than a commit that completed before its transaction began. These
 * two cells make exactly as many requests per thread as the outside-transaction triggercache cell of the same
 * mix made (same seeds, so the same sequence of reads and writes on each thread), warm-up included, and warm up
 * outside transactions: all three start from the same cache, and their hit ratios compare like with like
 * although a read in a transaction of its own is several times slower (its transaction's first statement goes
 * to the database).
 *
 * <p>{@code Workload [warm-up s] [measured s] [mixes, e.g. 95/5,80/20] [output file]}; databases from
 * {@link Database#configured()}; the system property {@code triggercache.benchmarks.strategies} (kind names,
 * comma-separated) runs only some strategies, for profiling one of them.
 */
public final class Workload {

    static final int POSTS = 500;
    static final int COMMENTS_PER_POST = 5;
    static final int THREADS = 4;
    static final double ZIPF_S = 1.0;

    /** Where the reads run: outside any transaction, or each in a transaction that began before it. */
    enum Reads {
        OUTSIDE(""),
        IN_TRANSACTION(", reads in transactions"),
        IN_TRANSACTION_UNSAFE(", reads in transactions, snapshot protection off");

        final String label;

        Reads(String label) {
            this.label = label;
        }
    }

    /**
     * How long a phase runs: {@code seconds}, or, when {@code requestsPerThread} is positive, until each thread
     * made that many requests (with at most {@code seconds} as a cap).
     */
    record Budget(double seconds, long requestsPerThread) {
    }

    /** What one cell measured in its warm-up and in its measured phase. */
    record Cell(Outcome warmup, Outcome measured) {
    }

    /** The cap on a phase bounded by requests, as a multiple of the configured time of that phase. */
    static final double REQUEST_BOUND_CAP = 10;

    /** The system property the engine reads its test-only switches from (see the engine's {@code Unsafe}). */
    static final String UNSAFE = "triggercache.unsafe.disable";

    /** A read/write mix. */
    record Mix(String label, double writes) {
    }

    static final List<Mix> MIXES = List.of(new Mix("99/1", 0.01), new Mix("95/5", 0.05), new Mix("80/20", 0.20));

    /** The outcome of one strategy under one mix. */
    record Outcome(long requests, long reads, long hits, long stale, long sql, double seconds) {
        double perSecond() {
            return requests / seconds;
        }

        double sqlPer1000() {
            return requests == 0 ? 0 : 1000.0 * sql / requests;
        }

        double hitRatio() {
            return reads == 0 ? 0 : (double) hits / reads;
        }
    }

    /** What the writers committed, and what the readers check against. */
    static final class Truth {
        final AtomicLongArray commentsVersion = new AtomicLongArray(POSTS + 1);
        final AtomicLongArray postVersion = new AtomicLongArray(POSTS + 1);
        final Object[] locks = new Object[POSTS + 1];
        final List<List<Long>> commentIds = new ArrayList<>();
        final AtomicLong seq = new AtomicLong();
        final AtomicLong nextCommentId = new AtomicLong(POSTS * COMMENTS_PER_POST);

        Truth() {
            commentIds.add(List.of());
            long id = 1;
            for (int p = 1; p <= POSTS; p++) {
                locks[p] = new Object();
                List<Long> ids = new ArrayList<>();
                for (int c = 0; c < COMMENTS_PER_POST; c++) {
                    ids.add(id++);
                }
                commentIds.add(ids);
            }
        }
    }

    /** Post ids by popularity: rank r (from 0) has weight 1 / (r + 1)^s. */
    static final class Zipf {
        private final double[] cumulative = new double[POSTS];
        private final long[] ids = new long[POSTS];

        Zipf() {
            double sum = 0;
            for (int r = 0; r < POSTS; r++) {
                sum += 1 / Math.pow(r + 1, ZIPF_S);
                cumulative[r] = sum;
                ids[r] = r + 1;
            }
            for (int r = 0; r < POSTS; r++) {
                cumulative[r] /= sum;
            }
            SplittableRandom shuffle = new SplittableRandom(42);
            for (int i = POSTS - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                long t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
        }

        long next(SplittableRandom random) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = POSTS - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return ids[lo];
        }
    }

    private Workload() {
    }

    public static void main(String[] args) throws Exception {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        double measured = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<Mix> mixes = args.length > 2 ? MIXES.stream().filter(m -> List.of(args[2].split(",")).contains(m.label())).toList() : MIXES;
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "B4 database load under writes: %d posts x %d comments, %d threads, Zipf s = %.1f reads,"
                        + " %.1f s warm-up + %.1f s measured per cell; load average at start %.2f on %d cores%n%n", POSTS, COMMENTS_PER_POST,
                THREADS, ZIPF_S, warmup, measured, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        Zipf zipf = new Zipf();
        for (Database db : Database.configured()) {
            md.append("**").append(db.label()).append("**\n\n");
            md.append("| mix (reads/writes) | strategy | requests/s | SQL per 1,000 requests | read hit ratio | stale reads (per 1,000 reads) |\n")
                    .append("|---|---|---|---|---|---|\n");
            Map<Strategy.Kind, Outcome> at95 = new EnumMap<>(Strategy.Kind.class);
            List<String> staleGoal = new ArrayList<>();
            List<String> transactionGoal = new ArrayList<>();
            for (Mix mix : mixes) {
                Cell outside = null;
                for (Strategy.Kind kind : strategies()) {
                    for (Reads reads : kind == Strategy.Kind.TRIGGERCACHE ? List.of(Reads.values()) : List.of(Reads.OUTSIDE)) {
                        // the transaction variants make the same requests per thread as triggercache's outside-transaction
                        // cell (same seeds: the same sequence of reads and writes), their warm-up outside transactions, so that
                        // all three start from the same cache and the hit ratios compare like with like
                        Cell c = reads == Reads.OUTSIDE
                                ? cell(db, mix, kind, reads, zipf, new Budget(warmup, 0), new Budget(measured, 0))
                                : cell(db, mix, kind, reads, zipf, new Budget(REQUEST_BOUND_CAP * warmup, outside.warmup().requests() / THREADS),
                                        new Budget(REQUEST_BOUND_CAP * measured, outside.measured().requests() / THREADS));
                        Outcome o = c.measured();
                        String capped = reads != Reads.OUTSIDE && o.requests() < outside.measured().requests() / THREADS * THREADS
                                ? String.format(Locale.ROOT, " (capped at %,d of %,d requests)", o.requests(), outside.measured().requests() / THREADS * THREADS)
                                : "";
                        md.append(String.format(Locale.ROOT, "| %s | %s%s%s | %,.0f | %.0f | %.1f%% | %d (%.2f) |%n", mix.label(), kind.label, reads.label, capped,
                                o.perSecond(), o.sqlPer1000(), 100 * o.hitRatio(), o.stale(), o.reads() == 0 ? 0 : 1000.0 * o.stale() / o.reads()));
                        String where = db.name().toLowerCase(Locale.ROOT) + ", " + mix.label();
                        if (reads == Reads.OUTSIDE && mix.label().equals("95/5")) {
                            at95.put(kind, o);
                        }
                        if (kind != Strategy.Kind.TRIGGERCACHE) {
                            continue;
                        }
                        switch (reads) {
                            case OUTSIDE -> {
                                outside = c;
                                staleGoal.add(String.format(Locale.ROOT, "| %s | triggercache: zero stale reads at %s | %d | %s |",
                                        db.name().toLowerCase(Locale.ROOT), mix.label(), o.stale(), o.stale() == 0 ? "met" : "**missed**"));
                            }
                            case IN_TRANSACTION -> {
                                double gap = 100 * (outside.measured().hitRatio() - o.hitRatio());
                                transactionGoal.add(String.format(Locale.ROOT, "| %s | triggercache, reads in transactions: hit ratio within 2 points"
                                        + " of reads outside | %.1f points %s | %s |", where, Math.abs(gap), gap < 0 ? "above" : "below",
                                        gap <= 2 ? "met" : "**missed**"));
                                transactionGoal.add(String.format(Locale.ROOT, "| %s | triggercache, reads in transactions: zero stale reads | %d | %s |",
                                        where, o.stale(), o.stale() == 0 ? "met" : "**missed**"));
                            }
                            case IN_TRANSACTION_UNSAFE -> transactionGoal.add(String.format(Locale.ROOT, "| %s | (control) snapshot protection off:"
                                    + " the counter sees stale reads | %d | %s |", where, o.stale(), o.stale() > 0 ? "seen" : "none seen"));
                        }
                    }
                }
            }
            staleGoal.addAll(transactionGoal);
            md.append("\n| where | goal | measured | |\n|---|---|---|---|\n");
            if (!at95.containsKey(Strategy.Kind.TRIGGERCACHE) || !at95.containsKey(Strategy.Kind.HIBERNATE_L2)
                    || !at95.containsKey(Strategy.Kind.ORACLE)) {
                staleGoal.forEach(l -> md.append(l).append('\n'));
                md.append('\n');
                continue;
            }
            Outcome ours = at95.get(Strategy.Kind.TRIGGERCACHE);
            Outcome l2 = at95.get(Strategy.Kind.HIBERNATE_L2);
            Outcome oracle = at95.get(Strategy.Kind.ORACLE);
            String where = db.name().toLowerCase(Locale.ROOT) + ", 95/5";
            double sqlRatio = ours.sqlPer1000() / l2.sqlPer1000();
            md.append(String.format(Locale.ROOT, "| %s | SQL statements <= 0.5x Hibernate query cache | %.2fx | %s |%n", where, sqlRatio,
                    sqlRatio <= 0.5 ? "met" : "**missed**"));
            double gap = 100 * (oracle.hitRatio() - ours.hitRatio());
            md.append(String.format(Locale.ROOT, "| %s | hit ratio within 5 points of the oracle | %.1f points below | %s |%n", where, gap,
                    gap <= 5 ? "met" : "**missed**"));
            staleGoal.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        }
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        }
    }

    private static List<Strategy.Kind> strategies() {
        String only = System.getProperty("triggercache.benchmarks.strategies");
        if (only == null || only.isBlank()) {
            return List.of(Strategy.Kind.values());
        }
        return java.util.Arrays.stream(only.split(",")).map(k -> Strategy.Kind.valueOf(k.trim())).toList();
    }

    private static Cell cell(Database db, Mix mix, Strategy.Kind kind, Reads reads, Zipf zipf, Budget warmup, Budget measured) throws Exception {
        SqlCounter counter = new SqlCounter();
        String dataName = "b4_" + kind.name() + "_" + reads.ordinal() + "_" + mix.label().replace('/', '_');
        Strategy created;
        String unsafeBefore = System.getProperty(UNSAFE);
        if (reads == Reads.IN_TRANSACTION_UNSAFE) {
            System.setProperty(UNSAFE, "snapshot");     // read once, by the engine the strategy's container builds
        }
        try {
            created = Strategy.create(kind, db, dataName, counter, THREADS + 2, POSTS, COMMENTS_PER_POST);
        } finally {
            if (unsafeBefore == null) {
                System.clearProperty(UNSAFE);
            } else {
                System.setProperty(UNSAFE, unsafeBefore);
            }
        }
        try (Strategy s = created) {
            Truth truth = new Truth();
            boolean inTransaction = reads != Reads.OUTSIDE;
            Outcome w = phase(s, truth, zipf, mix, false, warmup, 1);
            long sqlBefore = counter.total();
            Outcome o = phase(s, truth, zipf, mix, inTransaction, measured, 2);
            return new Cell(w, new Outcome(o.requests(), o.reads(), o.hits(), o.stale(), counter.total() - sqlBefore, o.seconds()));
        }
    }

    private static Outcome phase(Strategy s, Truth truth, Zipf zipf, Mix mix, boolean inTransaction, Budget budget, int seed) throws Exception {
        LongAdder requests = new LongAdder();
        LongAdder reads = new LongAdder();
        LongAdder hits = new LongAdder();
        LongAdder stale = new LongAdder();
        List<Throwable> failures = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (budget.seconds() * 1e9);
        long perThread = budget.requestsPerThread() > 0 ? budget.requestsPerThread() : Long.MAX_VALUE;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1000L + t);
            Thread thread = new Thread(() -> {
                try {
                    for (long n = 0; n < perThread && System.nanoTime() < deadline; n++) {
                        long post = zipf.next(random);
                        if (random.nextDouble() < mix.writes()) {
                            write(s, truth, post, random);
                        } else {
                            int outcome = read(s, truth, post, random, inTransaction);
                            reads.increment();
                            if ((outcome & STALE) != 0) {
                                stale.increment();
                            }
                            if ((outcome & HIT) != 0) {
                                hits.increment();
                            }
                        }
                        requests.increment();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "b4-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(s.kind.label + " failed", failures.get(0));
            failures.subList(1, failures.size()).forEach(e::addSuppressed);
            throw e;
        }
        double took = (System.nanoTime() - start) / 1e9;
        return new Outcome(requests.sum(), reads.sum(), hits.sum(), stale.sum(), 0, took);
    }

    /** Bits of {@link #read}'s outcome. */
    private static final int STALE = 1;
    private static final int HIT = 2;

    /**
     * One read, outside any transaction or in one of its own that began before it; returns {@link #STALE} if it
     * returned a version older than one committed before it (or its transaction) began, plus {@link #HIT} if it
     * sent no SQL (and, in a transaction, did not reach the repository).
     */
    private static int read(Strategy s, Truth truth, long post, SplittableRandom random, boolean inTransaction) {
        double r = random.nextDouble();
        int kind = r < 0.5 ? 0 : r < 0.9 ? 1 : 2;
        long required = 0;
        long[] latest = null;
        if (kind == 0) {
            required = truth.commentsVersion.get((int) post);
        } else if (kind == 1) {
            required = truth.postVersion.get((int) post);
        } else {
            latest = new long[BlogRepository.LATEST];
            for (int i = 0; i < latest.length; i++) {
                latest[i] = truth.postVersion.get(POSTS - i);
            }
        }
        if (inTransaction) {
            s.repository.beginRequest(post);
        }
        try {
            long sql = SqlCounter.onThisThread();
            long loads = BlogRepository.readsOnThisThread();
            boolean stale;
            if (kind == 0) {
                long newest = 0;
                for (CommentView c : s.comments(post)) {
                    newest = Math.max(newest, c.version());
                }
                stale = newest < required;
            } else if (kind == 1) {
                stale = s.post(post).version() < required;
            } else {
                stale = false;
                for (PostView p : s.latest()) {
                    stale |= p.version() < latest[(int) (POSTS - p.id())];
                }
            }
            boolean hit = SqlCounter.onThisThread() == sql && (!inTransaction || BlogRepository.readsOnThisThread() == loads);
            return (stale ? STALE : 0) | (hit ? HIT : 0);
        } finally {
            if (inTransaction) {
                s.repository.endRequest();
            }
        }
    }

    private static void write(Strategy s, Truth truth, long post, SplittableRandom random) {
        int p = (int) post;
        synchronized (truth.locks[p]) {
            long seq = truth.seq.incrementAndGet();
            double w = random.nextDouble();
            if (w < 0.8) {
                List<Long> ids = truth.commentIds.get(p);
                if (w < 0.6) {
                    s.repository.updateComment(ids.get(random.nextInt(ids.size())), seq);
                } else {
                    long id = truth.nextCommentId.incrementAndGet();
                    s.repository.addComment(post, id, seq);
                    ids.add(id);
                }
                s.afterCommit(Strategy.Write.COMMENT, post);
                truth.commentsVersion.accumulateAndGet(p, seq, Math::max);
            } else {
                s.repository.updatePost(post, seq);
                s.afterCommit(Strategy.Write.POST, post);
                truth.postVersion.accumulateAndGet(p, seq, Math::max);
            }
        }
    }
}
