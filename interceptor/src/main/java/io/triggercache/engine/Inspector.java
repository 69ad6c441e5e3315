package io.triggercache.engine;

import io.triggercache.CacheInspector;
import io.triggercache.spi.StoredValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The {@link CacheInspector} of one deployment: reads the declarations, the drop rings and the store, never the
 * hot path's state beyond volatile flags. Thread-safe.
 */
final class Inspector implements CacheInspector {

    /** The key part {@link #health()} reads to see whether the store answers (a string, so every codec accepts it). */
    private static final String PROBE = "\u0000triggercache-health-probe";

    private final Supplier<List<CachedMethod>> methods;
    private final Function<String, CachedMethod> byName;
    private final WritePath writes;
    private final Transactions transactions;
    private final LongSupplier clock;
    private final String store;

    Inspector(Supplier<List<CachedMethod>> methods, Function<String, CachedMethod> byName, WritePath writes,
              Transactions transactions, LongSupplier clock, String store) {
        this.methods = methods;
        this.byName = byName;
        this.writes = writes;
        this.transactions = transactions;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public Collection<MethodInfo> methods() {
        List<MethodInfo> out = new ArrayList<>();
        for (CachedMethod m : methods.get()) {
            out.add(info(m));
        }
        out.sort(Comparator.comparing(MethodInfo::name));
        return out;
    }

    @Override
    public MethodInfo method(String name) {
        return info(byName.apply(name));
    }

    private MethodInfo info(CachedMethod m) {
        List<String> suffix = m.suffixPaths == null ? List.of() : Arrays.stream(m.suffixPaths).map(p -> p.text).toList();
        List<String> key = m.keyPaths == null ? List.of("(the block's key values)") : Arrays.stream(m.keyPaths).map(p -> p.text).toList();
        List<String> triggers = writes.triggersOf(m).stream().map(t -> t.description).toList();
        Optional<Duration> ttl = m.ttlMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(m.ttlMillis));
        List<String> parameters = m.method == null ? List.of()
                : Arrays.stream(m.method.getParameterTypes()).map(Class::getName).toList();
        return new MethodInfo(m.name, m.cacheName, suffix, key, triggers, ttl, m.near.name(), store, parameters);
    }

    @Override
    public List<Drop> lastDrops(String name) {
        CachedMethod m = byName.apply(name);
        return m.drops.newestFirst(m.name, writes.node());
    }

    @Override
    public Explanation explain(String name, Object... args) {
        CachedMethod m = byName.apply(name);
        Object[] arguments = args == null ? new Object[0] : args;
        if (m.method != null && m.method.getParameterCount() != arguments.length) {
            throw new IllegalArgumentException(name + " takes " + m.method.getParameterCount() + " argument(s) but "
                    + arguments.length + " were given");
        }
        CacheKey key;
        try {
            key = m.key(arguments);
        } catch (CachedMethod.KeyFault e) {
            return new Explanation(name, List.of(), false, Optional.empty(), lastDrop(m, null),
                    Optional.of(ReadPath.BYPASS_KEY + ": " + e.getMessage()));
        }
        List<?> group = m.group(key);
        Optional<String> bypass = Optional.empty();
        boolean cached = false;
        Optional<Instant> loadedAt = Optional.empty();
        if (m.owesInvalidation) {
            bypass = Optional.of(ReadPath.BYPASS_OWED);
        } else if (transactions.touches(m)) {
            bypass = Optional.of(ReadPath.BYPASS_DIRTY);
        }
        try {
            StoredValue sv = m.region.get(key);
            cached = sv != null && (sv.expiresAt() == Long.MAX_VALUE || sv.expiresAt() > clock.getAsLong());
            if (cached && sv.storedAt() != Long.MIN_VALUE) {
                loadedAt = Optional.of(Instant.ofEpochMilli(sv.storedAt()));
            }
            if (!cached && bypass.isEmpty() && !m.region.available()) {
                bypass = Optional.of(ReadPath.BYPASS_UNAVAILABLE);
            }
        } catch (RuntimeException e) {
            if (bypass.isEmpty()) {
                bypass = Optional.of(ReadPath.BYPASS_FAULT + ": " + e);
            }
        }
        return new Explanation(name, List.copyOf(nullsAsText(group)), cached, loadedAt, lastDrop(m, group), bypass);
    }

    /** The newest remembered drop of {@code group} or of the whole method. */
    private Optional<Drop> lastDrop(CachedMethod m, List<?> group) {
        for (Drop d : m.drops.newestFirst(m.name, writes.node())) {
            if (d.group().isEmpty() || (group != null && d.group().get().equals(group))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static List<Object> nullsAsText(List<?> group) {
        List<Object> out = new ArrayList<>(group.size());
        for (Object o : group) {
            out.add(o == null ? "null" : o);
        }
        return out;
    }

    @Override
    public Health health() {
        List<CachedMethod> all = methods.get();
        List<String> owed = all.stream().filter(m -> m.owesInvalidation).map(m -> m.name).sorted().toList();
        boolean reachable = true;
        boolean trusted = true;
        String detail = "store " + store;
        if (!all.isEmpty()) {
            CachedMethod first = all.get(0);
            try {
                first.region.get(new CacheKey.K1(first.name, PROBE));   // one read: the methods share the store
            } catch (RuntimeException e) {
                reachable = false;
                detail = "store " + store + " failed a read of " + first.name + ": " + e;
            }
        }
        for (CachedMethod m : all) {
            if (!reachable) {
                break;
            }
            try {
                trusted &= m.region.available();                        // local: what the node knows of its peers
            } catch (RuntimeException e) {
                reachable = false;
                detail = "store " + store + " failed for " + m.name + ": " + e;
            }
        }
        if (reachable && !trusted) {
            detail = "store " + store + " cannot vouch for its entries: a peer is not trusted (docs/cluster.md)";
        } else if (reachable && !owed.isEmpty()) {
            detail = owed.size() + " method(s) owe an invalidation and bypass the cache: " + String.join(", ", owed);
        }
        return new Health(reachable, owed, trusted, detail);
    }
}
