package io.triggercache.memcached.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

import javax.cache.CacheException;

import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;

/**
 * One xmemcached client over a fixed list of memcached servers, configured for the store protocol:
 * <ul>
 *   <li>Ketama consistent hashing, so that a lost server costs only its share of the keys;</li>
 *   <li>failure mode on: a key whose server is down fails (a store fault) instead of moving to another server.
 *       Moving it would be the classic memcached trap: tokens written on the substitute while the server is
 *       away, then the server back with the old tokens, under which entries stored before become current
 *       again;</li>
 *   <li>a closed connection is healed (reconnected) every heal interval;</li>
 *   <li>strings only, through {@link StringTranscoder}: no Java serialization.</li>
 * </ul>
 * Thread-safe.
 */
public final class MemcachedConnection implements AutoCloseable {

    private final MemcachedClient client;
    private final List<InetSocketAddress> servers;
    private final String keyPrefix;
    private final long opTimeoutMillis;
    private final long connectTimeoutMillis;

    private MemcachedConnection(MemcachedClient client, List<InetSocketAddress> servers, String keyPrefix,
                                long opTimeoutMillis, long connectTimeoutMillis) {
        this.client = client;
        this.servers = servers;
        this.keyPrefix = keyPrefix;
        this.opTimeoutMillis = opTimeoutMillis;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Connects to the servers (a server that does not answer yet is retried every heal interval).
     *
     * @throws CacheException if the client cannot be built
     */
    public static MemcachedConnection open(List<InetSocketAddress> servers, int poolSize, long opTimeoutMillis,
                                           long connectTimeoutMillis, long healMillis, String keyPrefix) {
        XMemcachedClientBuilder builder = new XMemcachedClientBuilder(servers);
        builder.setName("triggercache-memcached");
        builder.setSessionLocator(new KetamaMemcachedSessionLocator());
        builder.setFailureMode(true);
        builder.setConnectionPoolSize(poolSize);
        builder.setOpTimeout(opTimeoutMillis);
        builder.setConnectTimeout(connectTimeoutMillis);
        builder.setEnableHealSession(true);
        builder.setHealSessionInterval(healMillis);
        builder.setSanitizeKeys(false);
        builder.setTranscoder(StringTranscoder.INSTANCE);
        try {
            MemcachedClient client = builder.build();
            client.setOpTimeout(opTimeoutMillis);
            return new MemcachedConnection(client, List.copyOf(servers), keyPrefix, opTimeoutMillis, connectTimeoutMillis);
        } catch (IOException e) {
            throw new CacheException("cannot start the memcached client for " + describe(servers) + ": " + e, e);
        }
    }

    MemcachedClient client() {
        if (client.isShutdown()) {
            throw new IllegalStateException("the memcached client of " + describe() + " is shut down");
        }
        return client;
    }

    /** The servers the client holds a live connection to now. */
    public List<InetSocketAddress> connected() {
        return client.isShutdown() ? List.of() : List.copyOf(client.getAvailableServers());
    }

    public List<InetSocketAddress> servers() {
        return servers;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    long opTimeoutMillis() {
        return opTimeoutMillis;
    }

    long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** The servers, for messages. */
    public String describe() {
        return describe(servers);
    }

    private static String describe(List<InetSocketAddress> servers) {
        return servers.stream().map(a -> a.getHostString() + ":" + a.getPort()).collect(Collectors.joining(" "));
    }

    /** Shuts the client down. Idempotent. */
    @Override
    public void close() {
        try {
            client.shutdown();
        } catch (IOException e) {
            throw new CacheException("memcached client of " + describe() + " did not shut down cleanly: " + e, e);
        }
    }
}
