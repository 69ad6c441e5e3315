package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes reading one article in a loop while a third party keeps committing new versions of it, and
 * the shared store fails in the middle: every read checks it got at least the version the database held
 * just before the call. Bounded in time; subclasses say how the store fails and comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutageContract {

    protected Database database;
    protected NodeProcess a;
    protected NodeProcess b;
    private int version;
    private long slowestCommitNanos;

    protected abstract Map<String, String> storeArguments(int node);

    protected abstract void startStore();

    /** Breaks the store (kills a server, a member). */
    protected abstract void breakStore();

    /** Brings it back, if the failure is one that needs it; returns when it is back. */
    protected abstract void repairStore();

    protected abstract void stopStore();

    @BeforeAll
    void start() {
        database = TwoNodesContract.database();
        startStore();
        CompletableFuture<NodeProcess> startingA = CompletableFuture.supplyAsync(() -> node("A", 0));
        CompletableFuture<NodeProcess> startingB = CompletableFuture.supplyAsync(() -> node("B", 1));
        a = startingA.join();
        b = startingB.join();
        a.call("warm");                                         // start each node's session factory
        b.call("warm");
    }

    private NodeProcess node(String name, int index) {
        Map<String, String> arguments = new java.util.HashMap<>(storeArguments(index));
        arguments.put("jdbc.url", database.url);
        arguments.put("jdbc.user", database.user);
        arguments.put("near", "STRICT");
        arguments.put("lease", "2000");
        return NodeProcess.start(getClass().getSimpleName() + "-" + name, arguments);
    }

    @AfterAll
    void stop() {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            stopStore();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void storeFailsMidRun_noCallFails_noStaleRead_andCachingResumes() {
        assertThat(b.title(8)).isEqualTo("v0");
        assertThat(a.title(8)).isEqualTo("v0");                 // warm on both nodes

        long runMillis = 14_000;
        CompletableFuture<String> readsOnA = a.callAsync("workload 8 " + runMillis + " 1");
        CompletableFuture<String> readsOnB = b.callAsync("workload 8 " + runMillis + " 1");
        long start = System.nanoTime();

        commitFor(3_000);                                        // normal operation
        long hitsBeforeOutage = hits(b);
        long brokenAt = System.nanoTime();
        breakStore();
        commitFor(3_000);                                        // commits while the store is down
        repairStore();
        long backAt = System.nanoTime();
        long hitsOnAAtRepair = hits(a);
        long hitsOnBAtRepair = hits(b);
        // recovered: both nodes serve hits again (A once its owed invalidation is applied)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> hits(a) > hitsOnAAtRepair + 2 && hits(b) > hitsOnBAtRepair + 2);
        long recoveredAt = System.nanoTime();
        commitFor(Math.max(0, runMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - 500));

        Workload onA = new Workload(readsOnA.join());
        Workload onB = new Workload(readsOnB.join());
        long staleBeforeRecovery = onA.staleBetween(backAt, recoveredAt) + onB.staleBetween(backAt, recoveredAt);
        TwoNodesContract.report("outage " + getClass().getSimpleName() + ": store broken "
                + TimeUnit.NANOSECONDS.toMillis(brokenAt - start) + " ms into the run for "
                + TimeUnit.NANOSECONDS.toMillis(backAt - brokenAt) + " ms; recovered (both nodes hit again) "
                + TimeUnit.NANOSECONDS.toMillis(recoveredAt - backAt) + " ms after the store was back; reads A=" + onA.calls
                + " B=" + onB.calls + ", failures " + (onA.failures + onB.failures) + ", stale before outage/during/"
                + "after recovery " + (onA.staleBetween(0, brokenAt) + onB.staleBetween(0, brokenAt)) + "/"
                + (onA.staleBetween(brokenAt, backAt) + onB.staleBetween(brokenAt, backAt)) + "/"
                + (onA.staleBetween(recoveredAt, Long.MAX_VALUE) + onB.staleBetween(recoveredAt, Long.MAX_VALUE))
                + ", stale between the store's return and recovery " + staleBeforeRecovery
                + ", commits " + version + " (slowest " + TimeUnit.NANOSECONDS.toMillis(slowestCommitNanos) + " ms)"
                + ", B stats (hits misses loads bypasses errors) " + b.call("stats"));

        assertThat(hitsBeforeOutage).isPositive();
        assertThat(onA.failures + onB.failures).as("business-call failures").isZero();
        assertThat(onA.calls).isPositive();
        assertThat(onB.calls).isPositive();
        assertThat(onA.staleBetween(0, backAt) + onB.staleBetween(0, backAt)).as("stale reads before the store came back").isZero();
        assertThat(staleBeforeRecovery).as("stale reads between the store's return and recovery").isZero();
        assertThat(onA.staleBetween(recoveredAt, Long.MAX_VALUE) + onB.staleBetween(recoveredAt, Long.MAX_VALUE))
                .as("stale reads after recovery").isZero();

        // after recovery: a commit on A, then B's next call is fresh, and cached again
        a.rename(8, "v" + (++version));
        assertThat(b.title(8)).isEqualTo("v" + version);
        long hits = hits(b);
        assertThat(b.title(8)).isEqualTo("v" + version);
        assertThat(hits(b)).isEqualTo(hits + 1);
    }

    /** A node's workload answer: calls, failures, stale reads and when they happened. */
    private static final class Workload {
        final long calls;
        final long failures;
        final long stale;
        final long[] staleAt;

        Workload(String answer) {
            String[] parts = answer.split(" ");
            calls = Long.parseLong(parts[0]);
            failures = Long.parseLong(parts[1]);
            stale = Long.parseLong(parts[2]);
            staleAt = parts[4].equals("-") ? new long[0]
                    : java.util.Arrays.stream(parts[4].split(",")).mapToLong(Long::parseLong).toArray();
            if (stale > staleAt.length) {
                throw new IllegalStateException("more than " + staleAt.length + " stale reads (" + stale + "): their times are lost");
            }
        }

        long staleBetween(long from, long to) {
            return java.util.Arrays.stream(staleAt).filter(t -> t >= from && t < to).count();
        }
    }

    /** Commits a new version of article 8 on A every 100 ms for {@code millis}. */
    private void commitFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            a.rename(8, "v" + (++version));
            slowestCommitNanos = Math.max(slowestCommitNanos, System.nanoTime() - before);
            database.markCommitted(8, version);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));   // the pace of the writer, not an ordering
        }
    }

    private static long hits(NodeProcess node) {
        return Long.parseLong(node.call("stats").split(" ")[0]);
    }
}
