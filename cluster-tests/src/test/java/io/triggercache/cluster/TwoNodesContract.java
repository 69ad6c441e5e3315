package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application nodes, each in a JVM of its own with its own CDI container and Hibernate session
 * factory, over one database and one shared store. {@code title} is cached with the {@code STRICT} near
 * tier, {@code nearTitle} with {@code NEAR}, {@code offTitle} without a near tier. Each test uses its own
 * article ids. Subclasses say which shared store the nodes use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoNodesContract {

    protected Database database;
    protected NodeProcess a;
    protected NodeProcess b;

    /** The arguments that give a node its shared store. */
    protected abstract Map<String, String> storeArguments(int node);

    /** Starts what the store needs before the nodes start. */
    protected void startStore() {
    }

    protected void stopStore() {
    }

    /** The shared database: PostgreSQL in -Pservices, an H2 server on 127.0.0.1 otherwise. */
    static Database database() {
        return "postgres".equals(System.getProperty("triggercache.cluster.database")) ? Database.postgres() : Database.h2();
    }

    @BeforeAll
    void startNodes() {
        database = database();
        startStore();
        CompletableFuture<NodeProcess> startingA = CompletableFuture.supplyAsync(() -> node("A", 0));
        CompletableFuture<NodeProcess> startingB = CompletableFuture.supplyAsync(() -> node("B", 1));
        a = startingA.join();
        b = startingB.join();
        // each node's session factory starts on its first use: start it now, so that no test's first load
        // includes it (a load longer than the lease period lets the other node load too, by design)
        assertThat(a.call("warm")).isEqualTo("v0");
        assertThat(b.call("warm")).isEqualTo("v0");
    }

    private NodeProcess node(String name, int index) {
        Map<String, String> arguments = new java.util.HashMap<>(storeArguments(index));
        arguments.put("jdbc.url", database.url);
        arguments.put("jdbc.user", database.user);
        arguments.putIfAbsent("near", "STRICT");
        arguments.putIfAbsent("lease", "5000");
        return NodeProcess.start(getClass().getSimpleName() + "-" + name, arguments);
    }

    @AfterAll
    void stopNodes() {
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
    void commitOnA_thenCallOnB_loadsFresh() {
        long loadsBefore = a.loads() + b.loads();
        assertThat(b.title(1)).isEqualTo("v0");                  // db hit on B, stored in the shared cache
        assertThat(b.title(1)).isEqualTo("v0");                  // cache hit on B
        assertThat(a.title(1)).isEqualTo("v0");                  // cache hit on A: B's entry
        assertThat(a.loads() + b.loads() - loadsBefore).isEqualTo(1);

        a.rename(1, "v1");                                       // commit on A; A drops the group

        assertThat(b.title(1)).isEqualTo("v1");                  // db hit on B: the next call is fresh (I1)
        assertThat(a.title(1)).isEqualTo("v1");                  // cache hit on A
        assertThat(a.loads() + b.loads() - loadsBefore).isEqualTo(2);
    }

    @Test
    void loadBegunOnBBeforeCommitOnA_isNotServedAfterIt() {
        b.call("arm");
        CompletableFuture<String> slowLoad = b.callAsync("title 2");   // B reads v0, then pauses
        assertThat(b.call("awaitPaused")).isEqualTo("true");

        a.rename(2, "v1");                                       // A commits and invalidates meanwhile
        b.call("release");

        assertThat(slowLoad.join()).isEqualTo("v0");             // B's call began before the commit: v0 allowed
        assertThat(b.title(2)).isEqualTo("v1");                  // but B's stale put is not served (I3)
        assertThat(a.title(2)).isEqualTo("v1");                  // on either node
    }

    @Test
    void concurrentMissesOnBothNodes_loadOnce() {
        long loadsBefore = a.loads() + b.loads();
        long wentBefore = Long.parseLong(a.call("went")) + Long.parseLong(b.call("went"));
        a.call("arm");
        b.call("arm");                                           // whichever node loads pauses in its load

        CompletableFuture<String> onA = a.callAsync("burst 32 3");
        CompletableFuture<String> onB = b.callAsync("burst 32 3");
        await().atMost(Duration.ofSeconds(30)).until(() -> a.loads() + b.loads() > loadsBefore
                && Long.parseLong(a.call("went")) + Long.parseLong(b.call("went")) - wentBefore == 64);
        a.call("release");
        b.call("release");
        a.call("disarm");
        b.call("disarm");

        assertThat(onA.join()).isEqualTo("v0");                  // all 32 callers on A got the one value
        assertThat(onB.join()).isEqualTo("v0");                  // and all 32 on B
        assertThat(a.loads() + b.loads() - loadsBefore).as("loads on A and B: " + a.loads() + ", " + b.loads()
                + "; stats A " + a.call("stats") + ", B " + b.call("stats")).isEqualTo(1);   // 64 misses, one load (I6)
    }

    @Test
    void nearMode_invalidationReachesTheOtherNodeWithinTheMeasuredWindow() {
        int warmup = 10;
        int rounds = warmup + 100;
        List<Long> stalenessMicros = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String old = b.call("near 4");                       // B holds article 4 in its near tier
            assertThat(b.call("near 4")).isEqualTo(old);
            String fresh = "v" + (100 + round);
            CompletableFuture<String> watch = b.callAsync("watch 4 " + fresh + " 10000 near");
            await().atMost(Duration.ofSeconds(10)).until(() -> b.call("watching").equals("true"));
            long committed = a.rename(4, fresh);
            String[] seen = watch.join().split(" ");
            if (round > warmup) {
                stalenessMicros.add(Math.max(0, TimeUnit.NANOSECONDS.toMicros(Long.parseLong(seen[0]) - committed)));
            }
        }
        long p50 = percentile(stalenessMicros, 50);
        long p99 = percentile(stalenessMicros, 99);
        report("near staleness window (us) " + getClass().getSimpleName() + ": p50=" + p50 + " p99=" + p99
                + " max=" + percentile(stalenessMicros, 100) + " over " + stalenessMicros.size() + " commits (after "
                + warmup + " warm-up commits)");

        assertThat(b.call("near 4")).isEqualTo("v" + (100 + rounds));
        assertThat(p99).as("NEAR staleness p99, microseconds").isLessThan(2_000_000);
    }

    @Test
    void strictMode_firstCallAfterCommitIsFresh_everyTime() {
        for (int round = 1; round <= 20; round++) {
            assertThat(b.title(5)).isEqualTo(round == 1 ? "v0" : "v" + (round - 1));
            assertThat(b.title(5)).isEqualTo(round == 1 ? "v0" : "v" + (round - 1));   // cache hit
            a.rename(5, "v" + round);
            assertThat(b.title(5)).isEqualTo("v" + round);      // never the old one, not even once
        }
    }

    @Test
    void hitCost_perNearMode_isMeasured() {
        for (String method : List.of("title", "near", "off")) {
            b.call((method.equals("title") ? "title" : method) + " 6");   // warm
        }
        long strict = Long.parseLong(b.call("hitcost title 6 20000").split(" ")[0]);
        long near = Long.parseLong(b.call("hitcost near 6 200000").split(" ")[0]);
        long off = Long.parseLong(b.call("hitcost off 6 20000").split(" ")[0]);
        long raw = Long.parseLong(b.call("rawget 20000").split(" ")[0]);
        report("hit cost (ns/op, through the CDI interceptor) " + getClass().getSimpleName() + ": STRICT=" + strict
                + " NEAR=" + near + " OFF=" + off + "; the provider's raw JCache get=" + raw);

        assertThat(near).isLessThan(strict);
        assertThat(b.call("stats").split(" ")[4]).isEqualTo("0");   // no store faults on the way
    }

    static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Prints a measurement and keeps it in target/cluster-measurements.txt. */
    static void report(String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "cluster-measurements.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
