package io.triggercache.cluster;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.cache.CacheManager;

/**
 * Embedded Hazelcast members on 127.0.0.1: TCP-IP join between their fixed ports, multicast and every
 * other discovery off, bound to the loopback interface only, no phone-home.
 */
public final class HazelcastCluster implements AutoCloseable {

    final String name;
    final List<Integer> ports = new ArrayList<>();
    final List<HazelcastInstance> members = new ArrayList<>();

    private HazelcastCluster(int size, String name) {
        this.name = name;
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
        }
    }

    /** Starts {@code size} members in parallel and waits until they form one cluster. */
    static HazelcastCluster start(int size) {
        HazelcastCluster cluster = unstarted(size, "triggercache-" + UUID.randomUUID());
        List<CompletableFuture<HazelcastInstance>> starting = new ArrayList<>();
        for (int port : cluster.ports) {
            starting.add(CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(cluster.config(port))));
        }
        for (CompletableFuture<HazelcastInstance> member : starting) {
            cluster.members.add(member.join());
        }
        return cluster;
    }

    /** Ports and a name for {@code size} members that the caller starts (in this JVM or others). */
    static HazelcastCluster unstarted(int size, String name) {
        return new HazelcastCluster(size, name);
    }

    Config config(int port) {
        return memberConfig(name, name + "-" + port, port, ports);
    }

    /**
     * A member on 127.0.0.1:{@code port} of cluster {@code cluster}, joining the members on {@code memberPorts} by
     * TCP-IP: multicast and every other discovery off, bound to the loopback interface only, no phone-home. The
     * test JVM's members and the application nodes' (in their own JVMs) use this one configuration.
     */
    public static Config memberConfig(String cluster, String instance, int port, List<Integer> memberPorts) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setInstanceName(instance);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // docs/cluster.md: bound how long an operation on a lost member's partitions is retried (125 s by default)
        config.setProperty("hazelcast.invocation.max.retry.count", "20");
        config.setProperty("hazelcast.invocation.retry.pause.millis", "250");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : memberPorts) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        }
        return config;
    }

    /**
     * A JCache manager over one member, under {@code uri}: managers of different members under the same URI
     * see the same caches. Each call has its own provider, so two managers never collapse into one.
     */
    CacheManager manager(int member, URI uri) {
        return new HazelcastMemberCachingProvider().getCacheManager(uri, getClass().getClassLoader(),
                HazelcastCachingProvider.propertiesByInstanceItself(members.get(member)));
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            if (member.getLifecycleService().isRunning()) {
                member.getLifecycleService().terminate();
            }
        }
    }
}
