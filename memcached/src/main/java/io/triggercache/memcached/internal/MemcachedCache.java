package io.triggercache.memcached.internal;

import java.net.InetSocketAddress;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.exception.MemcachedException;

/**
 * One JCache cache over memcached servers, holding the strings of the shared store protocol: the operations
 * it uses map one to one onto memcached commands, so that their atomicity is memcached's own.
 * <ul>
 *   <li>{@code get}: {@code get}; {@code getAll}: one multi-key {@code get} (one request per server holding
 *       some of the keys, sent together: one round trip's time);</li>
 *   <li>{@code put}: {@code set}; {@code putIfAbsent}: {@code add} (atomic on the server that owns the key);</li>
 *   <li>{@code replace(k, old, new)}: {@code gets}, then {@code cas} with the unique it returned, so the write
 *       happens only if nobody wrote in between; {@code replace(k, v)}: {@code replace};</li>
 *   <li>{@code remove(k)}: {@code delete}; {@code remove(k, old)}: {@code gets}, then {@code delete} with its
 *       cas unique;</li>
 *   <li>{@code clear}, {@code removeAll} and iteration: a walk of the servers' keys ({@link KeyDump}), for
 *       maintenance and tests only.</li>
 * </ul>
 * Items never expire by time (exptime 0): memcached evicts by LRU under its memory limit, and the engine checks
 * {@code expiresAt} itself. Entry listeners, entry processors and loaders are not supported (memcached has no
 * events nor server-side code): they throw {@link UnsupportedOperationException}.
 *
 * <p>Every memcached failure (timeout, unreachable server, error reply) surfaces as a {@link CacheException},
 * a store fault to the engine. Thread-safe.
 */
public final class MemcachedCache implements Cache<Object, Object> {

    private final MemcachedConnection connection;
    private final CacheManager manager;
    private final String name;
    private final MemcachedKeys keys;
    private final java.util.function.Consumer<MemcachedCache> onClose;
    private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();
    private volatile boolean closed;

    /**
     * @param onClose told when the cache is closed (its manager forgets it)
     * @throws IllegalArgumentException if the key prefix and the name leave no room for keys
     */
    public MemcachedCache(MemcachedConnection connection, CacheManager manager, String name,
                          java.util.function.Consumer<MemcachedCache> onClose) {
        this.connection = connection;
        this.manager = manager;
        this.name = name;
        this.onClose = onClose;
        this.keys = new MemcachedKeys(connection.keyPrefix(), name);
    }

    /**
     * The requests this cache view has sent: one per single-key command, one per multi-key {@code get} (which
     * xmemcached sends to every server involved at once), two for a {@code gets} followed by its {@code cas} or
     * {@code delete}. Key walks ({@code clear}, iteration) are not counted.
     */
    public long requests() {
        return requests.sum();
    }

    private MemcachedClient client() {
        MemcachedClient client = uncounted();
        requests.increment();
        return client;
    }

    private MemcachedClient uncounted() {
        if (closed) {
            throw new IllegalStateException("memcached cache " + name + " is closed");
        }
        return connection.client();
    }

    private CacheException failure(String operation, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new CacheException("memcached " + operation + " on cache " + name + " (" + connection.describe()
                + ") failed: " + e, e);
    }

    @Override
    public Object get(Object key) {
        String k = keys.key(key);
        try {
            return client().get(k, StringTranscoder.INSTANCE);
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("get", e);
        }
    }

    @Override
    public Map<Object, Object> getAll(Set<?> requested) {
        Map<String, Object> byMemcachedKey = new HashMap<>(requested.size() * 2);
        for (Object key : requested) {
            byMemcachedKey.put(keys.key(key), key);
        }
        Map<String, Object> found;
        try {
            found = client().get(byMemcachedKey.keySet(), StringTranscoder.INSTANCE);
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("multi-get", e);
        }
        Map<Object, Object> result = new HashMap<>(found.size() * 2);
        for (Map.Entry<String, Object> e : found.entrySet()) {
            if (e.getValue() != null) {
                result.put(byMemcachedKey.get(e.getKey()), e.getValue());
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
        try {
            if (!client().set(k, 0, value, StringTranscoder.INSTANCE)) {
                throw new CacheException("memcached refused set of a key of cache " + name);
            }
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("set", e);
        }
    }

    @Override
    public void putAll(Map<?, ?> map) {
        map.forEach(this::put);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        String k = keys.key(key);
        try {
            return client().add(k, 0, value, StringTranscoder.INSTANCE);
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("add", e);
        }
    }

    @Override
    public boolean remove(Object key) {
        String k = keys.key(key);
        try {
            return client().delete(k);
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("delete", e);
        }
    }

    @Override
    public boolean remove(Object key, Object oldValue) {
        String k = keys.key(key);
        try {
            MemcachedClient client = client();
            GetsResponse<Object> current = client.gets(k, StringTranscoder.INSTANCE);
            if (current == null || !oldValue.equals(current.getValue())) {
                return false;
            }
            requests.increment();
            return client.delete(k, current.getCas(), connection.opTimeoutMillis());
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("gets/delete", e);
        }
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        String k = keys.key(key);
        try {
            MemcachedClient client = client();
            GetsResponse<Object> current = client.gets(k, StringTranscoder.INSTANCE);
            if (current == null || !oldValue.equals(current.getValue())) {
                return false;
            }
            requests.increment();
            return client.cas(k, 0, newValue, StringTranscoder.INSTANCE, current.getCas());
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("gets/cas", e);
        }
    }

    @Override
    public boolean replace(Object key, Object value) {
        String k = keys.key(key);
        try {
            return client().replace(k, 0, value, StringTranscoder.INSTANCE);
        } catch (TimeoutException | InterruptedException | MemcachedException e) {
            throw failure("replace", e);
        }
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

    /** Deletes every key of this cache on every server: a walk of each server's keys ({@link KeyDump}). */
    @Override
    public void removeAll() {
        MemcachedClient client = uncounted();
        for (String k : ownKeys()) {
            try {
                client.delete(k);
            } catch (TimeoutException | InterruptedException | MemcachedException e) {
                throw failure("delete", e);
            }
        }
    }

    @Override
    public void clear() {
        removeAll();
    }

    private List<String> ownKeys() {
        List<String> own = new ArrayList<>();
        for (InetSocketAddress server : connection.servers()) {
            for (String k : KeyDump.keys(server, (int) Math.min(Integer.MAX_VALUE, connection.connectTimeoutMillis()))) {
                if (keys.owns(k)) {
                    own.add(k);
                }
            }
        }
        return own;
    }

    /**
     * The entries of this cache whose keys can be read back (not those stored under a hash of a long key), from
     * a walk of every server's keys: for maintenance and tests only.
     */
    @Override
    public Iterator<Entry<Object, Object>> iterator() {
        List<Entry<Object, Object>> entries = new ArrayList<>();
        MemcachedClient client = uncounted();
        for (String k : ownKeys()) {
            String storeKey = keys.storeKey(k);
            if (storeKey == null) {
                continue;
            }
            Object value;
            try {
                value = client.get(k, StringTranscoder.INSTANCE);
            } catch (TimeoutException | InterruptedException | MemcachedException e) {
                throw failure("get", e);
            }
            if (value != null) {
                entries.add(new SimpleEntry(storeKey, value));
            }
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

    /** @throws UnsupportedOperationException always: memcached has no events (see the module's README on NEAR). */
    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<Object, Object> configuration) {
        throw new UnsupportedOperationException("memcached has no change events (no pub/sub, no keyspace"
                + " notifications): cache " + name + " cannot deliver entry events");
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
        throw new IllegalArgumentException("memcached cache " + name + " has no configuration of type " + type.getName());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    /** Closes this view of the cache; the data stays on the servers. */
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
        throw new IllegalArgumentException("memcached cache " + name + " does not unwrap to " + type.getName());
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + " is not offered by the memcached cache " + name
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
            throw new IllegalArgumentException("a memcached entry does not unwrap");
        }
    }
}
