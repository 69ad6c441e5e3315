package io.triggercache.rediscluster.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.cache.CacheException;

/**
 * One Lettuce cluster client over a Redis Cluster, configured for the store protocol:
 * <ul>
 *   <li>bounded, short timeouts: every command fails after the command timeout (also one queued while its node's
 *       connection is being re-established), connecting after the connect timeout: a store fault, and the call
 *       runs uncached;</li>
 *   <li>topology refresh both periodic and adaptive (on {@code MOVED}/{@code ASK} redirects, persistent
 *       reconnects, unknown nodes, failed-over slots), so a replica promoted by a failover is found within one
 *       refresh period at most, usually at the first redirect;</li>
 *   <li>two cluster connections: {@link #reads()} for everything but token writes, and a separate one for token
 *       writes, each followed by {@code WAIT} on the same node connection ({@link #writeAcknowledged}), so a
 *       {@code WAIT} that blocks until a replica answers never holds up reads;</li>
 *   <li>strings only, through {@link StringCodec}: no Java serialization.</li>
 * </ul>
 * Thread-safe.
 */
public final class RedisClusterConnection implements AutoCloseable {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> reads;
    private final StatefulRedisClusterConnection<String, String> tokenWrites;
    private final List<RedisURI> seeds;
    private final String keyPrefix;
    private final Duration commandTimeout;
    private final int replicaAcks;

    private RedisClusterConnection(RedisClusterClient client, StatefulRedisClusterConnection<String, String> reads,
                                   StatefulRedisClusterConnection<String, String> tokenWrites, List<RedisURI> seeds,
                                   String keyPrefix, Duration commandTimeout, int replicaAcks) {
        this.client = client;
        this.reads = reads;
        this.tokenWrites = tokenWrites;
        this.seeds = seeds;
        this.keyPrefix = keyPrefix;
        this.commandTimeout = commandTimeout;
        this.replicaAcks = replicaAcks;
    }

    /**
     * Connects to the cluster through the seed nodes (at least one must answer) and reads its topology.
     *
     * @throws CacheException if no seed node answers or the topology cannot be read
     */
    public static RedisClusterConnection open(List<RedisURI> seeds, Duration commandTimeout, Duration connectTimeout,
                                              Duration refreshPeriod, int replicaAcks, String keyPrefix) {
        List<RedisURI> uris = new ArrayList<>();
        for (RedisURI seed : seeds) {
            // the sync API waits this long at most; each command is bounded tighter by CommandTimeouts
            RedisURI uri = RedisURI.builder(seed).withTimeout(commandTimeout.multipliedBy(3)).build();
            uris.add(uri);
        }
        RedisClusterClient client = RedisClusterClient.create(uris);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(refreshPeriod)
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(Duration.ofMillis(Math.min(500, refreshPeriod.toMillis())))
                        .refreshTriggersReconnectAttempts(2)
                        .dynamicRefreshSources(true)
                        .closeStaleConnections(true)
                        .build())
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(true)
                        .timeoutSource(new CommandTimeouts(commandTimeout)).build())
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                // queued while a node's connection is (re)established, each bounded by the command timeout: rejecting
                // them (REJECT_COMMANDS) would also reject the first commands to a node not connected yet
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .autoReconnect(true)
                .maxRedirects(5)
                .validateClusterNodeMembership(false)
                .build());
        StatefulRedisClusterConnection<String, String> reads = null;
        try {
            reads = client.connect(StringCodec.INSTANCE);
            reads.setTimeout(commandTimeout.multipliedBy(3));      // the sync API's bound; CommandTimeouts bound each command
            StatefulRedisClusterConnection<String, String> writes = client.connect(StringCodec.INSTANCE);
            writes.setTimeout(commandTimeout.multipliedBy(3));
            return new RedisClusterConnection(client, reads, writes, List.copyOf(uris), keyPrefix, commandTimeout,
                    replicaAcks);
        } catch (RedisException e) {
            if (reads != null) {
                reads.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw new CacheException("cannot connect to the Redis Cluster through " + describe(uris) + ": " + e, e);
        }
    }

    /** The commands of the connection for reads and entry writes (multi-key commands are split by slot). */
    RedisAdvancedClusterCommands<String, String> reads() {
        return reads.sync();
    }

    /** The cluster connection the reads go through, for the view of the topology. */
    public StatefulRedisClusterConnection<String, String> readConnection() {
        return reads;
    }

    /** The current masters (slot owners), as this client sees the topology. */
    public List<RedisClusterNode> masters() {
        List<RedisClusterNode> masters = new ArrayList<>();
        for (RedisClusterNode node : reads.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()
                    && !node.is(RedisClusterNode.NodeFlag.FAIL)) {
                masters.add(node);
            }
        }
        return masters;
    }

    /** A connection to one node of the read connection, by node id (for SCAN on each master). */
    StatefulRedisConnection<String, String> node(String nodeId) {
        return reads.getConnection(nodeId);
    }

    /**
     * Runs a token write on the master of {@code key}'s slot through the token-write connection, then {@code WAIT}s
     * on that same node connection until the master's live replicas (at most the configured number) acknowledge it,
     * so that a failover right after a drop returned cannot bring an older token back. A master without a live
     * replica (the promoted one after its old master died) is not waited for: there is nothing a failover could
     * promote. Returns what the write returned.
     *
     * @throws CacheException if the write fails, or no replica acknowledges it within the command timeout (the write
     *                        is then treated as not applied: the engine owes the drop and repairs it)
     */
    <T> T writeAcknowledged(String key, java.util.function.Function<
            io.lettuce.core.api.sync.RedisCommands<String, String>, T> write) {
        Partitions partitions = tokenWrites.getPartitions();
        RedisClusterNode master = partitions.getPartitionBySlot(SlotHash.getSlot(key));
        if (master == null) {
            throw new CacheException("no Redis Cluster master owns the slot of a token key (topology of "
                    + describe() + " being refreshed)");
        }
        StatefulRedisConnection<String, String> node = tokenWrites.getConnection(master.getNodeId());
        T result;
        try {
            result = write.apply(node.sync());
        } catch (RedisException e) {
            if (String.valueOf(e.getMessage()).startsWith("MOVED") || String.valueOf(e.getMessage()).startsWith("ASK")) {
                client.refreshPartitionsAsync();          // a failover or a resharding: learn it now
            }
            throw e;
        }
        int wanted = Math.min(replicaAcks, liveReplicas(partitions, master));
        if (wanted > 0) {
            // the client gives WAIT twice the command timeout (CommandTimeouts), so Redis answers before it gives up
            long waitMillis = commandTimeout.toMillis();
            long acks = node.sync().waitForReplication(wanted, waitMillis);
            if (acks < wanted) {
                throw new CacheException("a token write on Redis Cluster master " + master.getUri() + " was acknowledged"
                        + " by " + acks + " of " + wanted + " replicas within " + waitMillis + " ms;"
                        + " treated as not applied (a failover could lose it)");
            }
        }
        return result;
    }

    /** Every command gets the command timeout, but {@code WAIT}, which Redis itself bounds by that timeout: twice it. */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

        private final long nanos;

        CommandTimeouts(Duration commandTimeout) {
            this.nanos = commandTimeout.toNanos();
        }

        @Override
        public long getTimeout(io.lettuce.core.protocol.RedisCommand<?, ?, ?> command) {
            return command.getType() == io.lettuce.core.protocol.CommandType.WAIT ? 2 * nanos : nanos;
        }

        @Override
        public java.util.concurrent.TimeUnit getTimeUnit() {
            return java.util.concurrent.TimeUnit.NANOSECONDS;
        }
    }

    private static int liveReplicas(Partitions partitions, RedisClusterNode master) {
        int live = 0;
        for (RedisClusterNode node : partitions) {
            if (master.getNodeId().equals(node.getSlaveOf()) && !node.is(RedisClusterNode.NodeFlag.FAIL)
                    && !node.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL) && !node.is(RedisClusterNode.NodeFlag.NOADDR)) {
                live++;
            }
        }
        return live;
    }

    /** Reads the topology again now (also done periodically and on redirects). */
    public void refreshTopology() {
        client.refreshPartitions();
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** The seed nodes, for messages. */
    public String describe() {
        return describe(seeds);
    }

    private static String describe(List<RedisURI> uris) {
        return uris.stream().map(u -> u.getHost() + ":" + u.getPort()).collect(Collectors.joining(" "));
    }

    /** Closes the connections and shuts the client down. Idempotent. */
    @Override
    public void close() {
        try {
            tokenWrites.close();
            reads.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
