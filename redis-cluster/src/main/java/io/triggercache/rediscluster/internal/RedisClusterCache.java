package io.triggercache.rediscluster.internal;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import io.triggercache.jcache.JCacheStore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * One JCache cache over a Redis Cluster, holding the strings of the shared store protocol, one Redis key per
 * entry (so a cache's entries spread over every shard). The operations the protocol uses map one to one onto
 * single-key Redis commands, atomic on the master that owns the key's slot:
 * <ul>
 *   <li>{@code get}: {@code GET}; {@code getAll}: {@code MGET}, split by Lettuce into one {@code MGET} per slot,
 *       all sent before any answer is awaited (one round trip's time);</li>
 *   <li>{@code put}: {@code SET}; {@code putIfAbsent}: {@code SET NX}; {@code replace(k, v)}: {@code SET XX};</li>
 *   <li>{@code replace(k, old, new)} and {@code remove(k, old)}: one single-key Lua script each ({@code EVAL}),
 *       comparing and writing in one step on the key's master;</li>
 *   <li>{@code remove(k)}: {@code DEL};</li>
 *   <li>{@code clear}, {@code removeAll} and iteration: {@code SCAN MATCH} on every master, for maintenance and
 *       tests only.</li>
 * </ul>
 * Writes to the token cache ({@value JCacheStore#TOKEN_CACHE}: group tokens, epochs, leases' rosters) are
 * followed by {@code WAIT} for a replica (see {@link RedisClusterConnection#writeAcknowledged}): a drop that has
 * returned survives the failover of its master. Entry writes are not waited for: an entry lost in a failover is a
 * miss. Keys never expire by time: the engine checks {@code expiresAt} itself, Redis {@code maxmemory} with an
 * eviction policy bounds memory. Entry listeners, entry processors and loaders are not supported: they throw
 * {@link UnsupportedOperationException}.
 *
 * <p>Every Redis failure (timeout, unreachable node, error reply) surfaces as a {@link CacheException}, a store
 * fault to the engine. Thread-safe.
 */
public final class RedisClusterCache implements Cache<Object, Object> {

    private static final String REPLACE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";
    private static final String REMOVE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) end return 0";

    private final RedisClusterConnection connection;
    private final CacheManager manager;
    private final String name;
    private final RedisClusterKeys keys;
    private final boolean tokens;
    private final Consumer<RedisClusterCache> onClose;
    private final LongAdder requests = new LongAdder();
    private volatile boolean closed;

    /** @param onClose told when the cache is closed (its manager forgets it) */
    public RedisClusterCache(RedisClusterConnection connection, CacheManager manager, String name,
                             Consumer<RedisClusterCache> onClose) {
        this.connection = connection;
        this.manager = manager;
        this.name = name;
        this.onClose = onClose;
        this.keys = new RedisClusterKeys(connection.keyPrefix(), name);
        this.tokens = JCacheStore.TOKEN_CACHE.equals(name);
    }

    /**
     * The round trips this cache view has made: one per single-key command, one per {@code getAll} (its per-slot
     * {@code MGET}s travel together), two per token write (the write and its {@code WAIT}, counted also where no
     * live replica is waited for). {@code SCAN} walks
     * ({@code clear}, iteration) are not counted.
     */
    public long requests() {
        return requests.sum();
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("Redis Cluster cache " + name + " is closed");
        }
    }

    private CacheException failure(String operation, RuntimeException e) {
        if (e instanceof CacheException cacheException) {
            return cacheException;
        }
        return new CacheException("Redis Cluster " + operation + " on cache " + name + " (" + connection.describe()
                + ") failed: " + e, e);
    }

    private <T> T write(String operation, String key, Function<RedisCommands<String, String>, T> command,
                        Function<io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands<String, String>, T> plain) {
        open();
        requests.increment();
        try {
            if (tokens) {
                requests.increment();                       // the WAIT
                return connection.writeAcknowledged(key, command);
            }
            return plain.apply(connection.reads());
        } catch (RedisException | CacheException e) {
            throw failure(operation, e);
        }
    }

    @Override
    public Object get(Object key) {
        String k = keys.key(key);
        open();
        requests.increment();
        try {
            return connection.reads().get(k);
        } catch (RedisException e) {
            throw failure("GET", e);
        }
    }

    @Override
    public Map<Object, Object> getAll(Set<?> requested) {
        Map<String, Object> byRedisKey = new HashMap<>(requested.size() * 2);
        for (Object key : requested) {
            byRedisKey.put(keys.key(key), key);
        }
        open();
        requests.increment();
        List<KeyValue<String, String>> found;
        try {
            found = connection.reads().mget(byRedisKey.keySet().toArray(new String[0]));
        } catch (RedisException e) {
            throw failure("MGET", e);
        }
        Map<Object, Object> result = new HashMap<>(found.size() * 2);
        for (KeyValue<String, String> kv : found) {
            if (kv.hasValue() && kv.getValue() != null) {
                result.put(byRedisKey.get(kv.getKey()), kv.getValue());
            }
        }
        return result;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public void put(Object key, Object value) {
        String k = keys.key(key);
        String v = string(value);
        write("SET", k, c -> c.set(k, v), c -> c.set(k, v));
    }

    @Override
    public void putAll(Map<?, ?> map) {
        map.forEach(this::put);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        String k = keys.key(key);
        String v = string(value);
        return "OK".equals(write("SET NX", k, c -> c.set(k, v, SetArgs.Builder.nx()),
                c -> c.set(k, v, SetArgs.Builder.nx())));
    }

    @Override
    public boolean remove(Object key) {
        String k = keys.key(key);
        Long removed = write("DEL", k, c -> c.del(k), c -> c.del(k));
        return removed != null && removed > 0;
    }

    @Override
    public boolean remove(Object key, Object oldValue) {
        String k = keys.key(key);
        String old = string(oldValue);
        String[] ks = {k};
        Long removed = write("EVAL remove-if-equal", k, c -> c.eval(REMOVE, ScriptOutputType.INTEGER, ks, old),
                c -> c.eval(REMOVE, ScriptOutputType.INTEGER, ks, old));
        return removed != null && removed > 0;
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        String k = keys.key(key);
        String old = string(oldValue);
        String v = string(newValue);
        String[] ks = {k};
        Long replaced = write("EVAL replace-if-equal", k, c -> c.eval(REPLACE, ScriptOutputType.INTEGER, ks, old, v),
                c -> c.eval(REPLACE, ScriptOutputType.INTEGER, ks, old, v));
        return replaced != null && replaced > 0;
    }

    @Override
    public boolean replace(Object key, Object value) {
        String k = keys.key(key);
        String v = string(value);
        return "OK".equals(write("SET XX", k, c -> c.set(k, v, SetArgs.Builder.xx()),
                c -> c.set(k, v, SetArgs.Builder.xx())));
    }

    private String string(Object value) {
        if (!(value instanceof String string)) {
            throw new IllegalArgumentException("Redis Cluster caches of triggercache hold strings only, got "
                    + (value == null ? "null" : value.getClass().getName())
                    + ": values reach Redis through the store's codec (StoreCodec), never as objects");
        }
        return string;
    }

    @Override
    public Object getAndPut(Object key, Object value) {
        throw unsupported("getAndPut");
    }

    @Override
    public Object getAndRemove(Object key) {
        throw unsupported("getAndRemove");
    }

    @Override
    public Object getAndReplace(Object key, Object value) {
        throw unsupported("getAndReplace");
    }

    @Override
    public void removeAll(Set<?> toRemove) {
        toRemove.forEach(this::remove);
    }

    /** Deletes every key of this cache: {@code SCAN MATCH} on every master, then {@code DEL} of each key found. */
    @Override
    public void removeAll() {
        open();
        try {
            for (String k : ownKeys()) {
                connection.reads().del(k);
            }
        } catch (RedisException e) {
            throw failure("SCAN/DEL", e);
        }
    }

    @Override
    public void clear() {
        removeAll();
    }

    private List<String> ownKeys() {
        List<String> own = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(keys.pattern()).limit(1_000);
        for (RedisClusterNode master : connection.masters()) {
            RedisCommands<String, String> node = connection.node(master.getNodeId()).sync();
            KeyScanCursor<String> cursor = node.scan(args);
            while (true) {
                own.addAll(cursor.getKeys());
                if (cursor.isFinished()) {
                    break;
                }
                cursor = node.scan(ScanCursor.of(cursor.getCursor()), args);
            }
        }
        return own;
    }

    /** The entries of this cache, from a {@code SCAN} of every master: for maintenance and tests only. */
    @Override
    public Iterator<Entry<Object, Object>> iterator() {
        open();
        List<Entry<Object, Object>> entries = new ArrayList<>();
        try {
            for (String k : ownKeys()) {
                String storeKey = keys.storeKey(k);
                String value = storeKey == null ? null : connection.reads().get(k);
                if (value != null) {
                    entries.add(new SimpleEntry(storeKey, value));
                }
            }
        } catch (RedisException e) {
            throw failure("SCAN/GET", e);
        }
        return entries.iterator();
    }

    @Override
    public void loadAll(Set<?> keys, boolean replaceExistingValues, CompletionListener completionListener) {
        throw unsupported("loadAll");
    }

    @Override
    public <T> T invoke(Object key, EntryProcessor<Object, Object, T> entryProcessor, Object... arguments) {
        throw unsupported("invoke");
    }

    @Override
    public <T> Map<Object, EntryProcessorResult<T>> invokeAll(Set<?> keys, EntryProcessor<Object, Object, T> entryProcessor,
                                                              Object... arguments) {
        throw unsupported("invokeAll");
    }

    /** @throws UnsupportedOperationException always: this view has no change events (see the module's README on NEAR). */
    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<Object, Object> configuration) {
        throw new UnsupportedOperationException("the Redis Cluster cache " + name + " delivers no entry events"
                + " (the store serves NEAR as STRICT)");
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<Object, Object> configuration) {
    }

    @Override
    public <C extends Configuration<Object, Object>> C getConfiguration(Class<C> type) {
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
        if (type.isInstance(configuration)) {
            return type.cast(configuration);
        }
        throw new IllegalArgumentException("Redis Cluster cache " + name + " has no configuration of type "
                + type.getName());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    /** Closes this view of the cache; the data stays in Redis. */
    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Redis Cluster cache " + name + " does not unwrap to " + type.getName());
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + " is not offered by the Redis Cluster cache " + name
                + ": the store protocol uses get, getAll, put, putIfAbsent, replace and remove only");
    }

    private static final class SimpleEntry extends AbstractMap.SimpleImmutableEntry<Object, Object>
            implements Entry<Object, Object> {

        private static final long serialVersionUID = 1L;

        SimpleEntry(Object key, Object value) {
            super(key, value);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException("a Redis Cluster entry does not unwrap");
        }
    }
}
