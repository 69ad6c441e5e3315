package io.triggercache.oracle;

import io.triggercache.spi.CacheStore;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The embedded store, with every drop counted by the operation that caused it (the thread's
 * {@link CommitGate#CURRENT}): exact ({@code invalidateGroup}) or whole-method ({@code invalidateAll}). A dynamic
 * proxy forwards everything else unchanged, so methods the SPI gains later pass through too.
 */
final class CountingStore {

    /** The methods without suffix: for them a drop of the whole method is the exact drop. */
    private static final Set<String> ONE_GROUP = ReadSpec.all().stream().filter(s -> "-".equals(s.key(new Random(0))))
            .map(ReadSpec::shortName).collect(Collectors.toSet());

    /** Drops by operation name and then by method: exact groups, whole methods that have groups, one-group methods. */
    static final class Drops {
        final Map<String, Map<String, long[]>> byOperation = new ConcurrentHashMap<>();

        void add(String operation, String method, boolean whole) {
            long[] c = byOperation.computeIfAbsent(operation, o -> new ConcurrentHashMap<>()).computeIfAbsent(method, m -> new long[3]);
            synchronized (c) {
                c[!whole ? 0 : ONE_GROUP.contains(method) ? 2 : 1]++;
            }
        }

        /** Per operation, sorted: exact group drops, whole drops of methods with groups, drops of one-group methods. */
        Map<String, long[]> totals() {
            Map<String, long[]> out = new TreeMap<>();
            byOperation.forEach((op, methods) -> {
                long[] t = new long[3];
                methods.values().forEach(c -> {
                    synchronized (c) {
                        t[0] += c[0];
                        t[1] += c[1];
                        t[2] += c[2];
                    }
                });
                out.put(op, t);
            });
            return out;
        }
    }

    /** The drops of the current run (one run at a time per JVM). */
    static volatile Drops drops = new Drops();

    private CountingStore() {
    }

    static CacheStore wrap(CacheStore store) {
        return (CacheStore) Proxy.newProxyInstance(CacheStore.class.getClassLoader(), new Class<?>[] {CacheStore.class},
                (proxy, method, args) -> {
                    Object result = forward(store, method, args);
                    if (method.getName().equals("region") && result instanceof Region r) {
                        return region(r, ((RegionSpec) args[0]).name());
                    }
                    return result;
                });
    }

    private static Region region(Region region, String name) {
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "invalidateGroup" -> drops.add(operation(), shortName, false);
                case "invalidateAll" -> drops.add(operation(), shortName, true);
                default -> { }
            }
            return forward(region, method, args);
        };
        return (Region) Proxy.newProxyInstance(Region.class.getClassLoader(), new Class<?>[] {Region.class}, h);
    }

    private static String operation() {
        CommitLog.Running r = CommitGate.CURRENT.get();
        return r == null ? "(no operation: seeding or reads)" : r.operation.name();
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
