package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.internal.KeyEncoder;
import io.triggercache.memcached.MemcachedCacheManager;
import io.triggercache.memcached.MemcachedServers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.cache.Cache;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * One memcached server cut off from one node only, then healed: the classic memcached trap, where a server
 * that was away from a client comes back holding data that client's writes never reached. Three memcached
 * servers the test starts on loopback ports, two application nodes in JVMs of their own ({@link NodeProcess}),
 * both reaching every server through a {@link TcpProxy} (so both list the same addresses, and Ketama places
 * every key on the same server for both). The relay in front of the server holding the most group tokens of
 * {@code title} is cut for node A's connections only ({@link TcpProxy#cutFrom}); B keeps it.
 *
 * <p>Both nodes read those articles in a loop; a writer commits new versions of them, each commit's version
 * recorded once its commit call returned (the stale-read oracle of {@link OutageContract}: a read that began
 * after it must not return an older version). The writer is B in the first test: its drops reach the server,
 * which A cannot see meanwhile. It is A in the second: A's drops of groups on that server fail while the
 * database commits, so the server comes back holding the old tokens, and entries stored under them must not
 * become current again, on either node. Each test: 0 business-call failures, 0 stale reads in every phase
 * (before the cut, during it, between the heal and recovery, after recovery), and the recovery time (from the
 * heal until both nodes serve hits again) in {@code target/cluster-measurements.txt}. Needs memcached:
 * -Pservices.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemcachedPartitionTest {

    private static final int SERVERS = 3;
    private static final long ARTICLES = 10;          // the database's articles: ids 1 to 10
    private static final int READ = 2;                // articles read in the loops (all on the cut server)

    private static final int BEFORE = 0;
    private static final int BROKEN = 1;
    private static final int BACK = 2;
    private static final int RECOVERED = 3;

    private Database database;
    private MemcachedServers servers;
    private final List<TcpProxy> relays = new ArrayList<>();
    private NodeProcess a;
    private NodeProcess b;
    /** The server cut off from A, and the articles whose group token it holds. */
    private int cut;
    private List<Long> onCut;
    private final long[] version = new long[(int) ARTICLES + 1];
    private long slowestCommitNanos;

    @BeforeAll
    void start() {
        database = TwoNodesContract.database();
        servers = MemcachedServers.start(SERVERS);
        for (int i = 0; i < SERVERS; i++) {
            relays.add(new TcpProxy(servers.address(i).getPort()));
        }
        String addresses = relays.stream().map(r -> "127.0.0.1:" + r.port).collect(Collectors.joining(" "));
        CompletableFuture<NodeProcess> startingA = CompletableFuture.supplyAsync(() -> node("A", addresses));
        CompletableFuture<NodeProcess> startingB = CompletableFuture.supplyAsync(() -> node("B", addresses));
        a = startingA.join();
        b = startingB.join();
        a.call("warm");                                         // start each node's session factory
        b.call("warm");
        for (long id = 1; id <= ARTICLES; id++) {
            assertThat(b.title(id)).isEqualTo("v0");            // creates every group token of title
            assertThat(a.title(id)).isEqualTo("v0");
        }
        Map<Integer, List<Long>> placement = groupTokensByServer();
        cut = placement.entrySet().stream().max(Map.Entry.comparingByValue((x, y) -> Integer.compare(x.size(), y.size())))
                .orElseThrow().getKey();
        onCut = placement.get(cut).subList(0, Math.min(READ, placement.get(cut).size()));
        TwoNodesContract.report("memcached partition: group tokens of title per server " + placement + "; cut server "
                + cut + " from node A; articles read " + onCut);
    }

    private NodeProcess node(String name, String addresses) {
        Map<String, String> arguments = new HashMap<>();
        arguments.put("store", "memcached");
        arguments.put("memcached.servers", addresses);
        arguments.put("jdbc.url", database.url);
        arguments.put("jdbc.user", database.user);
        arguments.put("near", "STRICT");
        arguments.put("lease", "2000");
        return NodeProcess.start(getClass().getSimpleName() + "-" + name, arguments);
    }

    /**
     * Asks each server (straight, not through a relay) which group tokens of {@code title} it holds: the nodes'
     * key placement, as Ketama made it over the relays' addresses. Every article's token must be on exactly one.
     */
    private Map<Integer, List<Long>> groupTokensByServer() {
        Map<Integer, List<Long>> placement = new HashMap<>();
        for (int i = 0; i < SERVERS; i++) {
            List<Long> held = new ArrayList<>();
            try (MemcachedCacheManager probe = MemcachedCacheManager.builder("127.0.0.1:" + servers.address(i).getPort()).build()) {
                Cache<Object, Object> tokens = probe.getCache(JCacheStore.TOKEN_CACHE);
                for (long id = 1; id <= ARTICLES; id++) {
                    if (tokens.get(KeyEncoder.group("title", List.of(id))) != null) {
                        held.add(id);
                    }
                }
            }
            placement.put(i, held);
        }
        List<Long> all = placement.values().stream().flatMap(List::stream).sorted().toList();
        assertThat(all).as("every article's group token on exactly one server: %s", placement)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, ARTICLES).boxed().toList());
        return placement;
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
            relays.forEach(TcpProxy::close);
            if (servers != null) {
                servers.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void serverCutFromA_whileBCommits_thenHealed_noCallFails_noStaleRead_andCachingResumes() {
        partition("B commits", b);
    }

    @Test
    @Order(2)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void serverCutFromA_whileACommits_comesBackHoldingOldTokens_noCallFails_noStaleRead_andCachingResumes() {
        partition("A commits", a);
    }

    private void partition(String scenario, NodeProcess writer) {
        phase(BEFORE);
        for (long id : onCut) {
            assertThat(a.title(id)).isEqualTo("v" + version[(int) id]);   // warm on both nodes
            assertThat(b.title(id)).isEqualTo("v" + version[(int) id]);
        }
        long runMillis = 15_000;
        List<CompletableFuture<String>> readsOnA = new ArrayList<>();
        List<CompletableFuture<String>> readsOnB = new ArrayList<>();
        for (long id : onCut) {
            readsOnA.add(a.callAsync("workload " + id + " " + runMillis + " 1"));
            readsOnB.add(b.callAsync("workload " + id + " " + runMillis + " 1"));
        }
        long start = System.nanoTime();

        commitFor(writer, 3_000);                               // normal operation
        long hitsBefore = hits(a) + hits(b);
        long errorsOnA = errors(a);
        long hitsOnBAtCut = hits(b);
        phase(BROKEN);                                          // before the cut: a read during it is not "before"
        long cutAt = System.nanoTime();
        relays.get(cut).cutFrom(a.pid());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> errors(a) > errorsOnA);            // A has lost the server
        long seenAt = System.nanoTime();
        commitFor(writer, 3_000);                               // commits while A cannot reach the server
        long hitsOnBDuringCut = hits(b);
        relays.get(cut).heal();
        long healedAt = System.nanoTime();
        phase(BACK);
        long hitsOnAAtHeal = hits(a);
        long hitsOnBAtHeal = hits(b);
        // recovered: both nodes serve hits again (A once its client has reconnected, and has no drop owed)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> hits(a) > hitsOnAAtHeal + 2 && hits(b) > hitsOnBAtHeal + 2);
        long recoveredAt = System.nanoTime();
        phase(RECOVERED);
        commitFor(writer, Math.max(0, runMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - 500));

        Workload onA = Workload.sum(readsOnA.stream().map(CompletableFuture::join).map(Workload::new).toList());
        Workload onB = Workload.sum(readsOnB.stream().map(CompletableFuture::join).map(Workload::new).toList());
        TwoNodesContract.report("memcached partition (3 servers, 2 node JVMs, STRICT, " + scenario + "): server " + cut
                + " cut from node A " + TimeUnit.NANOSECONDS.toMillis(cutAt - start) + " ms into the run (A saw it after "
                + TimeUnit.NANOSECONDS.toMillis(seenAt - cutAt) + " ms) for " + TimeUnit.NANOSECONDS.toMillis(healedAt - cutAt)
                + " ms, then healed; recovered (both nodes hit again) " + TimeUnit.NANOSECONDS.toMillis(recoveredAt - healedAt)
                + " ms after the heal; reads A=" + onA.calls + " B=" + onB.calls + ", failures " + (onA.failures + onB.failures)
                + ", stale before/during the cut/between heal and recovery/after recovery " + stale(onA, onB, BEFORE) + "/"
                + stale(onA, onB, BROKEN) + "/" + stale(onA, onB, BACK) + "/" + stale(onA, onB, RECOVERED)
                + " (all " + (onA.stale + onB.stale) + "), B hits during the cut " + (hitsOnBDuringCut - hitsOnBAtCut)
                + ", commits " + Arrays.stream(version).sum() + " in all (slowest " + TimeUnit.NANOSECONDS.toMillis(slowestCommitNanos)
                + " ms); stats (hits misses loads bypasses errors) A " + a.call("stats") + ", B " + b.call("stats"));

        assertThat(hitsBefore).isPositive();
        assertThat(onA.failures + onB.failures).as("business-call failures").isZero();
        assertThat(onA.calls).isPositive();
        assertThat(onB.calls).isPositive();
        assertThat(stale(onA, onB, BEFORE)).as("stale reads before the cut").isZero();
        assertThat(stale(onA, onB, BROKEN)).as("stale reads during the cut").isZero();
        assertThat(stale(onA, onB, BACK)).as("stale reads between the heal and recovery").isZero();
        assertThat(stale(onA, onB, RECOVERED)).as("stale reads after recovery").isZero();
        assertThat(onA.stale + onB.stale).as("stale reads in all").isZero();

        // after recovery: a commit on the other node, then this node's next call is fresh, and cached again
        NodeProcess reader = writer == a ? b : a;
        long id = onCut.get(0);
        writer.rename(id, "v" + (++version[(int) id]));
        assertThat(reader.title(id)).isEqualTo("v" + version[(int) id]);
        long hits = hits(reader);
        assertThat(reader.title(id)).isEqualTo("v" + version[(int) id]);
        assertThat(hits(reader)).isEqualTo(hits + 1);
        assertThat(writer.title(id)).isEqualTo("v" + version[(int) id]);
    }

    /** Tells both nodes the run's phase; their stale reads from now on carry it. */
    private void phase(int phase) {
        a.call("phase " + phase);
        b.call("phase " + phase);
    }

    /** Commits a new version of one of the read articles, in turn, every 100 ms for {@code millis}, on {@code writer}. */
    private void commitFor(NodeProcess writer, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int turn = 0; System.nanoTime() < end; turn++) {
            int id = (int) (long) onCut.get(turn % onCut.size());
            long before = System.nanoTime();
            writer.rename(id, "v" + (++version[id]));
            slowestCommitNanos = Math.max(slowestCommitNanos, System.nanoTime() - before);
            database.markCommitted(id, version[id]);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));   // the pace of the writer, not an ordering
        }
    }

    private static long stale(Workload onA, Workload onB, int phase) {
        return onA.staleIn(phase) + onB.staleIn(phase);
    }

    private static long hits(NodeProcess node) {
        return Long.parseLong(node.call("stats").split(" ")[0]);
    }

    private static long errors(NodeProcess node) {
        return Long.parseLong(node.call("stats").split(" ")[4]);
    }

    /** Workload answers of one node (calls, failures, stale reads and the phase of each), summed. */
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
            stalePhases = parts[4].equals("-") ? new int[0] : Arrays.stream(parts[4].split(",")).mapToInt(Integer::parseInt).toArray();
            if (stale > stalePhases.length) {
                throw new IllegalStateException("more than " + stalePhases.length + " stale reads (" + stale + "): their phases are lost");
            }
        }

        private Workload(long calls, long failures, long stale, int[] stalePhases) {
            this.calls = calls;
            this.failures = failures;
            this.stale = stale;
            this.stalePhases = stalePhases;
        }

        static Workload sum(List<Workload> all) {
            return new Workload(all.stream().mapToLong(w -> w.calls).sum(), all.stream().mapToLong(w -> w.failures).sum(),
                    all.stream().mapToLong(w -> w.stale).sum(), all.stream().flatMapToInt(w -> Arrays.stream(w.stalePhases)).toArray());
        }

        long staleIn(int phase) {
            return Arrays.stream(stalePhases).filter(p -> p == phase).count();
        }
    }
}
