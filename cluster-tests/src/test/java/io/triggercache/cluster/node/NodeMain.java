package io.triggercache.cluster.node;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.triggercache.CacheStatistics;
import io.triggercache.cluster.HazelcastCluster;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.spi.CacheStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.cache.CacheManager;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One application node, run in a JVM of its own by the cluster tests: its own CDI container (Weld SE with
 * the triggercache extension), its own Hibernate session factory over the shared database, and a
 * {@link JCacheStore} over the shared cache (an embedded Hazelcast member, or a Redisson client). The test
 * drives it over a line protocol on a loopback socket; each command answers one line, {@code OK ...} or
 * {@code ERR ...}.
 */
public final class NodeMain {

    /** What the node was started with: {@code key=value} arguments. */
    record Settings(Map<String, String> values) {
        String get(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("missing node argument " + key);
            }
            return value;
        }

        String jdbcUrl() {
            return get("jdbc.url");
        }

        String jdbcUser() {
            return get("jdbc.user");
        }
    }

    static volatile Settings settings;
    private static CacheStore store;
    private static HazelcastInstance member;
    private static CacheManager manager;
    private static final AtomicLong FAILURES = new AtomicLong();
    private static final AtomicLong WENT = new AtomicLong();
    private static volatile boolean watching;
    /** The phase of the test's run, set by the test ({@code phase N}): stale reads carry it, not a clock. */
    private static volatile int phase;

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        settings = new Settings(values);
        store = openStore();
        Weld weld = new Weld("node-" + settings.get("name")).disableDiscovery()
                .addBeanClasses(ArticleViews.class, Writer.class, Jpa.class, StoreBean.class)
                .addExtension(new TriggerCacheExtension());
        try (WeldContainer container = weld.initialize();
             ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path portFile = Path.of(settings.get("portFile"));
            Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(server.getLocalPort()));
            Files.move(portFile.resolveSibling(portFile.getFileName() + ".tmp"), portFile);
            ExecutorService connections = Executors.newCachedThreadPool();
            for (;;) {
                Socket socket = server.accept();
                connections.submit(() -> serve(container, socket));
            }
        }
    }

    private static CacheStore openStore() {
        String kind = settings.get("store");
        switch (kind) {
            case "hazelcast" -> {
                member = Hazelcast.newHazelcastInstance(hazelcast());
                manager = new HazelcastMemberCachingProvider().getCacheManager(URI.create("urn:triggercache:cluster"),
                        NodeMain.class.getClassLoader(), HazelcastCachingProvider.propertiesByInstanceItself(member));
            }
            case "redis" -> {
                manager = new org.redisson.jcache.JCachingProvider()
                        .getCacheManager(URI.create(settings.get("redis.config")), NodeMain.class.getClassLoader());
                // Redisson's JCache caches have no size bound, so the store does not create its token cache
                // there: the application does (docs/store.md); the bound is the test Redis's
                if (manager.getCache(JCacheStore.TOKEN_CACHE) == null) {
                    try {
                        manager.createCache(JCacheStore.TOKEN_CACHE, new javax.cache.configuration.MutableConfiguration<Object, Object>());
                    } catch (javax.cache.CacheException raced) {
                        // the other node created it meanwhile
                    }
                }
            }
            case "memcached" -> {
                return io.triggercache.memcached.MemcachedStore.builder(settings.get("memcached.servers"))
                        .codec(SerializationCodec.defaults())
                        .near(NearMode.valueOf(settings.get("near")))
                        .near("nearTitle", NearMode.NEAR)
                        .near("offTitle", NearMode.OFF)
                        .leasePeriod(Duration.ofMillis(Long.parseLong(settings.get("lease"))))
                        .heartbeat(Duration.ofMillis(100))
                        .build();
            }
            default -> throw new IllegalArgumentException("unknown store " + kind);
        }
        return JCacheStore.builder(manager)
                .codec(SerializationCodec.defaults())
                .near(NearMode.valueOf(settings.get("near")))
                .near("nearTitle", NearMode.NEAR)
                .near("offTitle", NearMode.OFF)
                .leasePeriod(Duration.ofMillis(Long.parseLong(settings.get("lease"))))
                .heartbeat(Duration.ofMillis(100))
                .build();
    }

    private static Config hazelcast() {
        List<Integer> members = java.util.Arrays.stream(settings.get("hz.members").split(",")).map(Integer::valueOf).toList();
        return HazelcastCluster.memberConfig(settings.get("hz.cluster"), "node-" + settings.get("name"),
                Integer.parseInt(settings.get("hz.port")), members);
    }

    /** The application's store bean: the extension uses it instead of its embedded default. */
    @ApplicationScoped
    public static class StoreBean {
        @Produces
        @ApplicationScoped
        CacheStore store() {
            return store;
        }
    }

    private static void serve(WeldContainer container, Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String answer;
                // named after its command, so a thread dump of a node that does not answer shows where it waits
                Thread.currentThread().setName("command " + line);
                try {
                    answer = "OK " + execute(container, line.split(" "));
                } catch (Exception | Error e) {
                    answer = "ERR " + e.toString().replace('\n', ' ');
                }
                out.println(answer);
                if (line.equals("exit")) {
                    System.exit(0);
                }
            }
        } catch (IOException e) {
            // the test closed the connection
        }
    }

    private static String execute(WeldContainer container, String[] command) throws Exception {
        ArticleViews views = container.select(ArticleViews.class).get();
        switch (command[0]) {
            case "title":
                return views.title(Long.parseLong(command[1]));
            case "rename": {
                container.select(Writer.class).get().rename(Long.parseLong(command[1]), command[2]);
                return Long.toString(System.nanoTime());   // when the commit call returned
            }
            case "loads":
                return Long.toString(ArticleViews.LOADS.get());
            case "stats": {
                MethodStatistics s = container.select(CacheStatistics.class).get().of("title");
                return s.hits() + " " + s.misses() + " " + s.loads() + " " + s.bypasses() + " " + s.errors();
            }
            case "arm":
                Gate.arm();
                return "armed";
            case "awaitPaused":
                return Boolean.toString(Gate.awaitPaused());
            case "release":
                Gate.release();
                return "released";
            case "disarm":
                Gate.disarm();
                return "disarmed";
            case "warm":
                return container.select(Jpa.class).get().tx(em -> em.find(Article.class, 10L).getTitle());
            case "went":
                return Long.toString(WENT.get());
            case "phase":
                phase = Integer.parseInt(command[1]);
                return "phase " + phase;
            case "near":
                return views.nearTitle(Long.parseLong(command[1]));
            case "off":
                return views.offTitle(Long.parseLong(command[1]));
            case "watching":
                return Boolean.toString(watching);
            case "rawget":
                return rawGetCost(Integer.parseInt(command[1]));
            case "hitcost":
                return hitCost(views, command[1], Long.parseLong(command[2]), Integer.parseInt(command[3]));
            case "burst":
                return burst(views, Integer.parseInt(command[1]), Long.parseLong(command[2]));
            case "watch":
                return watch(views, Long.parseLong(command[1]), command[2], Long.parseLong(command[3]), command[4]);
            case "workload":
                return workload(views, container.select(Jpa.class).get(), Long.parseLong(command[1]), Long.parseLong(command[2]), Integer.parseInt(command[3]));
            case "exit":
                return "bye";
            default:
                throw new IllegalArgumentException("unknown command " + command[0]);
        }
    }

    /** {@code n} threads call title(id) at once; answers the distinct titles they got. */
    private static String burst(ArticleViews views, int n, long id) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    WENT.incrementAndGet();
                    return views.title(id);
                }));
            }
            ready.await();
            go.countDown();
            TreeSet<String> titles = new TreeSet<>();
            for (Future<String> call : calls) {
                titles.add(call.get(60, TimeUnit.SECONDS));
            }
            return String.join(",", titles);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Calls title(id) in a loop until it returns {@code expected}; answers the {@code System.nanoTime()} of
     * the first call that did (the same clock as the other node's on one machine) and the number of calls.
     */
    private static String watch(ArticleViews views, long id, String expected, long timeoutMillis, String method) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long calls = 0;
        try {
            while (System.nanoTime() < deadline) {
                calls++;
                String title = method.equals("near") ? views.nearTitle(id) : views.title(id);
                watching = true;
                if (expected.equals(title)) {
                    return System.nanoTime() + " " + calls;
                }
                // poll every 50 us rather than spin: on two cores a spinning reader would starve the
                // threads that deliver the invalidation, and measure itself
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            }
        } finally {
            watching = false;
        }
        throw new IllegalStateException(method + " " + id + " never became " + expected + " in " + timeoutMillis + " ms");
    }

    /** Nanoseconds per plain JCache {@code get} of one present key of the shared token cache: the provider's own cost. */
    private static String rawGetCost(int iterations) {
        javax.cache.Cache<Object, Object> cache = manager.getCache(JCacheStore.TOKEN_CACHE);
        cache.put("raw-get-probe", "12345678");
        long sink = 0;
        long elapsed = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                sink += ((String) cache.get("raw-get-probe")).length();
            }
            elapsed = System.nanoTime() - start;
        }
        return (elapsed / iterations) + " " + sink;
    }

    /** Nanoseconds per call of a cached method on a warm entry (a hit), over {@code iterations} calls. */
    private static String hitCost(ArticleViews views, String method, long id, int iterations) throws Exception {
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                String title = switch (method) {
                    case "near" -> views.nearTitle(id);
                    case "off" -> views.offTitle(id);
                    default -> views.title(id);
                };
                sink += title.length();
            }
            long elapsed = System.nanoTime() - start;
            if (round == 1) {
                return (elapsed / iterations) + " " + sink;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * Reads title(id) in a loop for {@code millis}; each title is "v<N>". Answers: calls, business-call
     * failures, stale reads, the highest version seen and, for each of the first {@value #MAX_STALE_REPORTED}
     * stale reads, the phase of the run ({@code phase N}, set by the test) in which its call began ({@code -}
     * for none): no clock of this JVM is compared with the test's. A read is stale when it returns a version lower
     * than the one whose commit call had returned before the read began: the writer records that version
     * in {@code cluster_committed} after its commit call returns, and the reader reads it just before the
     * call (the article's own row is no oracle: it shows the new title while the commit's invalidation is
     * still running, before I1 applies).
     */
    /** Stale reads whose phase a workload answer carries; more are counted but not placed. */
    static final int MAX_STALE_REPORTED = 10_000;

    private static String workload(ArticleViews views, Jpa jpa, long id, long millis, int checkEvery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long calls = 0;
        long failures = 0;
        long stale = 0;
        long highest = 0;
        StringBuilder staleAt = new StringBuilder();
        while (System.nanoTime() < deadline) {
            calls++;
            int phaseAtCall = phase;
            long floor = calls % checkEvery == 0 ? committed(jpa, id) : -1;
            try {
                long seen = version(views.title(id));
                highest = Math.max(highest, seen);
                if (seen < floor) {
                    stale++;
                    if (stale <= MAX_STALE_REPORTED) {
                        staleAt.append(staleAt.length() == 0 ? "" : ",").append(phaseAtCall);
                    }
                    if (stale <= 5) {
                        System.out.println("STALE read " + stale + ": v" + seen + " while v" + floor + " was committed, in phase "
                                + phaseAtCall + " (" + java.time.Instant.now() + ")");
                    }
                }
            } catch (RuntimeException e) {
                failures++;
                FAILURES.incrementAndGet();
            }
        }
        return calls + " " + failures + " " + stale + " " + highest + " " + (staleAt.length() == 0 ? "-" : staleAt);
    }

    private static long committed(Jpa jpa, long id) {
        return jpa.tx(em -> ((Number) em.createNativeQuery("select version from cluster_committed where id = " + id)
                .getSingleResult()).longValue());
    }

    private static long version(String title) {
        return Long.parseLong(title.substring(title.indexOf('v') + 1));
    }
}
