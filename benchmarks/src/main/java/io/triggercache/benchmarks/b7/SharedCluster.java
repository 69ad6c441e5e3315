package io.triggercache.benchmarks.b7;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.cache.CacheManager;

/**
 * A distributed JCache provider started in the benchmark's JVM, with two nodes: node 0 is the node under
 * measurement, node 1 the other application node. Everything stays on 127.0.0.1.
 *
 * <ul>
 *   <li>{@code hazelcast}: two embedded members, TCP-IP join between free ports, multicast and every other
 *       discovery off, bound to the loopback interface, no phone-home; one JCache manager per member.</li>
 *   <li>{@code infinispan}: two embedded nodes clustered over JGroups TCP, found through TCPPING at free ports;
 *       every cache created through JCache is replicated synchronously (a wildcard configuration).</li>
 *   <li>{@code redisson}: two Redisson clients (two JCache managers, each with its own provider) of the Redis at
 *       {@code triggercache.benchmarks.redis.address} (default {@code redis://127.0.0.1:6379}), database
 *       {@code triggercache.benchmarks.redis.database} (default 7), with {@code StringCodec}. Needs that
 *       server: run.sh selects it only with {@code -Pservices}.</li>
 * </ul>
 * This restates, independently, the set-up of the cluster tests ({@code cluster-tests}, {@code HazelcastCluster},
 * {@code InfinispanCluster}, {@code Redis}).
 */
public final class SharedCluster implements AutoCloseable {

    /** The engines by the names JMH parameters use. */
    public enum Kind {
        HAZELCAST, INFINISPAN, REDISSON;

        public static Kind of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final Kind kind;
    private final List<CacheManager> managers = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private Path files;
    private final java.util.Set<String> names = new java.util.TreeSet<>();

    private SharedCluster(Kind kind) {
        this.kind = kind;
    }

    /** Starts two nodes of the given engine and waits until they form one cluster. */
    public static SharedCluster start(String engine) {
        SharedCluster c = new SharedCluster(Kind.of(engine));
        try {
            switch (c.kind) {
                case HAZELCAST -> c.startHazelcast();
                case INFINISPAN -> c.startInfinispan();
                case REDISSON -> c.startRedisson();
            }
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Records the names of caches created in this cluster, so that {@link #close()} can delete them from Redis,
     * which outlives the run (the store's caches are closed by the store before the cluster is closed, and a
     * closed Redisson cache is no longer listed by its manager).
     */
    public void created(String... cacheNames) {
        names.addAll(List.of(cacheNames));
    }

    /** The JCache manager of node {@code i} (0 or 1). */
    public CacheManager manager(int i) {
        return managers.get(i);
    }

    // ------------------------------------------------------------------ Hazelcast

    private void startHazelcast() {
        String name = "triggercache-b7-" + UUID.randomUUID();
        List<Integer> ports = List.of(freePort(), freePort());
        List<CompletableFuture<HazelcastInstance>> starting = new ArrayList<>();
        for (int port : ports) {
            starting.add(CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(hazelcast(name, port, ports))));
        }
        for (CompletableFuture<HazelcastInstance> member : starting) {
            members.add(member.join());
        }
        for (HazelcastInstance member : members) {
            if (member.getCluster().getMembers().size() != 2) {
                throw new IllegalStateException("the Hazelcast members did not form one cluster: " + member.getCluster().getMembers());
            }
            // a provider per manager, so that the two managers never collapse into one
            managers.add(new HazelcastMemberCachingProvider().getCacheManager(URI.create("urn:triggercache:b7"),
                    SharedCluster.class.getClassLoader(), HazelcastCachingProvider.propertiesByInstanceItself(member)));
        }
    }

    private static Config hazelcast(String name, int port, List<Integer> ports) {
        Config config = new Config();
        config.setClusterName(name);
        config.setInstanceName(name + "-" + port);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : ports) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        }
        return config;
    }

    // ------------------------------------------------------------------ Infinispan

    private void startInfinispan() {
        String name = "triggercache-b7-" + UUID.randomUUID();
        List<Integer> ports = List.of(freePort(), freePort());
        String hosts = ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        try {
            files = Files.createTempDirectory("triggercache-b7-");
            for (int i = 0; i < 2; i++) {
                Path file = files.resolve("infinispan-" + i + ".xml");
                Files.writeString(file, """
                        <infinispan xmlns="urn:infinispan:config:15.2">
                          <jgroups>
                            <stack name="loopback" extends="tcp">
                              <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" diag.enabled="false"/>
                              <TCPPING initial_hosts="%s" port_range="0" stack.combine="REPLACE" stack.position="MPING"/>
                            </stack>
                          </jgroups>
                          <cache-container name="%s" default-cache="replicated">
                            <transport cluster="%s" stack="loopback" node-name="node-%d"/>
                            <replicated-cache name="replicated" mode="SYNC"/>
                            <!-- caches created through JCache take the configuration whose name matches theirs -->
                            <!-- bounded, as the store requires of a token cache it creates (docs/store.md) -->
                            <replicated-cache-configuration name="*" mode="SYNC"><memory max-count="100000" when-full="REMOVE"/></replicated-cache-configuration>
                          </cache-container>
                        </infinispan>
                        """.formatted(ports.get(i), hosts, name + "-" + i, name, i));
                managers.add(new org.infinispan.jcache.embedded.JCachingProvider()
                        .getCacheManager(file.toUri(), SharedCluster.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ Redisson

    private void startRedisson() {
        String address = System.getProperty("triggercache.benchmarks.redis.address", "redis://127.0.0.1:6379");
        int database = Integer.getInteger("triggercache.benchmarks.redis.database", 7);
        try {
            files = Files.createTempDirectory("triggercache-b7-");
            for (int i = 0; i < 2; i++) {
                Path file = files.resolve("redisson-" + i + ".yaml");
                Files.writeString(file, """
                        singleServerConfig:
                          address: "%s"
                          database: %d
                          connectionMinimumIdleSize: 2
                          connectionPoolSize: 8
                          subscriptionConnectionMinimumIdleSize: 1
                          subscriptionConnectionPoolSize: 4
                          connectTimeout: 1000
                          timeout: 1000
                          retryAttempts: 1
                          retryInterval: 200
                        codec: !<org.redisson.client.codec.StringCodec> {}
                        threads: 4
                        nettyThreads: 8
                        """.formatted(address, database));
                // a provider per manager: its own Redisson client, as another application node has
                CacheManager manager = new org.redisson.jcache.JCachingProvider().getCacheManager(file.toUri(), SharedCluster.class.getClassLoader());
                // Redisson's caches have no size bound: the application creates the token cache itself (docs/store.md)
                if (manager.getCache(io.triggercache.jcache.JCacheStore.TOKEN_CACHE) == null) {
                    try {
                        manager.createCache(io.triggercache.jcache.JCacheStore.TOKEN_CACHE, new javax.cache.configuration.MutableConfiguration<>());
                    } catch (javax.cache.CacheException createdByTheOtherNode) {
                        // the other manager created it first
                    }
                }
                managers.add(manager);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------

    private void deleteFromRedis() {
        org.redisson.api.RedissonClient client = null;
        try {
            for (CacheManager manager : managers) {
                if (!manager.isClosed()) {
                    manager.getCacheNames().forEach(names::add);
                }
            }
            client = org.redisson.Redisson.create(org.redisson.config.Config.fromYAML(files.resolve("redisson-0.yaml").toFile()));
            if (!names.isEmpty()) {
                client.getKeys().delete(names.toArray(String[]::new));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("B7: deleting the benchmark's caches from Redis: " + e);
        } finally {
            if (client != null) {
                client.shutdown();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Destroys the caches created in Redis (the server outlives the run), closes the managers and stops the
     * members. Never throws: it runs in JMH's tear-down, after the measurement.
     */
    @Override
    public void close() {
        if (kind == Kind.REDISSON && files != null && !managers.isEmpty()) {
            deleteFromRedis();
        }
        for (CacheManager manager : managers) {
            try {
                manager.close();
            } catch (RuntimeException e) {
                System.err.println("B7: closing " + kind + " manager: " + e);
            }
        }
        for (HazelcastInstance member : members) {
            if (member.getLifecycleService().isRunning()) {
                member.getLifecycleService().terminate();
            }
        }
        if (files != null) {
            try (Stream<Path> s = Files.walk(files)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files only
            }
        }
    }
}
