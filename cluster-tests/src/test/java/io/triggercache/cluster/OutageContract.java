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
 *
 * <p>The nodes run in other JVMs, so no clock reading of theirs is compared with this JVM's: the test tells
 * both nodes which phase the run is in (before the outage, store broken, store back, recovered) and each
 * stale read carries the phase in which its call began. Every phase must have none.
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
        phase(BROKEN);                                           // before the break: a read during it is not "before"
        breakStore();
        commitFor(3_000);                                        // commits while the store is down
        repairStore();
        long backAt = System.nanoTime();
        phase(BACK);
        long hitsOnAAtRepair = hits(a);
        long hitsOnBAtRepair = hits(b);
        // recovered: both nodes serve hits again (A once its owed invalidation is applied)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> hits(a) > hitsOnAAtRepair + 2 && hits(b) > hitsOnBAtRepair + 2);
        long recoveredAt = System.nanoTime();
        phase(RECOVERED);
        commitFor(Math.max(0, runMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - 500));

        Workload onA = new Workload(readsOnA.join());
        Workload onB = new Workload(readsOnB.join());
        TwoNodesContract.report("outage " + getClass().getSimpleName() + ": store broken "
                + TimeUnit.NANOSECONDS.toMillis(brokenAt - start) + " ms into the run for "
                + TimeUnit.NANOSECONDS.toMillis(backAt - brokenAt) + " ms; recovered (both nodes hit again) "
                + TimeUnit.NANOSECONDS.toMillis(recoveredAt - backAt) + " ms after the store was back; reads A=" + onA.calls
                + " B=" + onB.calls + ", failures " + (onA.failures + onB.failures) + ", stale before outage/during/"
                + "between the store's return and recovery/after recovery " + stale(onA, onB, BEFORE) + "/"
                + stale(onA, onB, BROKEN) + "/" + stale(onA, onB, BACK) + "/" + stale(onA, onB, RECOVERED)
                + " (all " + (onA.stale + onB.stale) + ")"
                + ", commits " + version + " (slowest " + TimeUnit.NANOSECONDS.toMillis(slowestCommitNanos) + " ms)"
                + ", B stats (hits misses loads bypasses errors) " + b.call("stats"));

        assertThat(hitsBeforeOutage).isPositive();
        assertThat(onA.failures + onB.failures).as("business-call failures").isZero();
        assertThat(onA.calls).isPositive();
        assertThat(onB.calls).isPositive();
        assertThat(stale(onA, onB, BEFORE) + stale(onA, onB, BROKEN)).as("stale reads before the store came back").isZero();
        assertThat(stale(onA, onB, BACK)).as("stale reads between the store's return and recovery").isZero();
        assertThat(stale(onA, onB, RECOVERED)).as("stale reads after recovery").isZero();
        assertThat(onA.stale + onB.stale).as("stale reads in all").isZero();

        // after recovery: a commit on A, then B's next call is fresh, and cached again
        a.rename(8, "v" + (++version));
        assertThat(b.title(8)).isEqualTo("v" + version);
        long hits = hits(b);
        assertThat(b.title(8)).isEqualTo("v" + version);
        assertThat(hits(b)).isEqualTo(hits + 1);
    }

    private static final int BEFORE = 0;
    private static final int BROKEN = 1;
    private static final int BACK = 2;
    private static final int RECOVERED = 3;

    /** Tells both nodes the run's phase; their stale reads from now on carry it. */
    private void phase(int phase) {
        a.call("phase " + phase);
        b.call("phase " + phase);
    }

    private static long stale(Workload onA, Workload onB, int phase) {
        return onA.staleIn(phase) + onB.staleIn(phase);
    }

    /** A node's workload answer: calls, failures, stale reads and the phase in which each happened. */
    private static final class Workload {
        final long calls;
        final long failures;
        final long stale;
        final int[] stalePhases;

        Workload(String answer) {
            String[] parts = answer.split(" ");
            calls = Long.parseLong(parts[0]);
            failures = Long.parseLong(parts[1]);
            stale = Long.parseLong(parts[2]);
            stalePhases = parts[4].equals("-") ? new int[0]
                    : java.util.Arrays.stream(parts[4].split(",")).mapToInt(Integer::parseInt).toArray();
            if (stale > stalePhases.length) {
                throw new IllegalStateException("more than " + stalePhases.length + " stale reads (" + stale + "): their phases are lost");
            }
        }

        long staleIn(int phase) {
            return java.util.Arrays.stream(stalePhases).filter(p -> p == phase).count();
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
