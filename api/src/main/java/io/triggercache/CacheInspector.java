package io.triggercache;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the cache does and why: the declarations of the cached methods, their last drops with their causes, and
 * an explanation of one call ({@code @Inject CacheInspector inspector}).
 *
 * <pre>{@code
 * inspector.explain("com.acme.BlogService.comments", post42).text();
 * // comments: group [42]; not cached; last dropped 2026-12-04T18:00:01Z on node-a by
 * //   Comment#7 UPDATE (post.id) -> group [42] (trigger #1 Comment INSERT|UPDATE|DELETE -> group post.id)
 * }</pre>
 *
 * <p>The drops are recorded after commit, off the hit path, in a bounded ring per method (the last
 * {@value #DEFAULT_DROPS_PER_METHOD} by default; system property {@code triggercache.inspector.drops}, 0 turns
 * recording off). Per node: a drop applied by another node is seen here only through its effect. Thread-safe.
 */
public interface CacheInspector {

    /** How many drops each method remembers unless {@code triggercache.inspector.drops} says otherwise. */
    int DEFAULT_DROPS_PER_METHOD = 16;

    /** Every cached method and block, sorted by name. */
    Collection<MethodInfo> methods();

    /**
     * One cached method's declaration.
     *
     * @throws IllegalArgumentException if no cached method has this name
     */
    MethodInfo method(String name);

    /**
     * The last drops of one method applied on this node, newest first.
     *
     * @throws IllegalArgumentException if no cached method has this name
     */
    List<Drop> lastDrops(String name);

    /**
     * What a call with these arguments would meet now: its group, whether an entry is cached, when it was
     * loaded (only where the store keeps that time, {@link io.triggercache.spi.StoredValue#storedAt()}; the built-in
     * stores do not, to keep entries small), what dropped its group last, or why the call would bypass the cache. Reads the store once; never
     * loads, never changes an entry.
     *
     * @param name the method's name ({@link Cached#name()})
     * @param args the arguments of the call, as they would be passed to the method
     * @throws IllegalArgumentException if no cached method has this name, or the arguments do not fit it
     */
    Explanation explain(String name, Object... args);

    /** Whether the cache can serve: the store answers, no invalidation is owed, and the peers are trusted. */
    Health health();

    /**
     * A cached method's declaration, in readable form.
     *
     * @param name     the method's name
     * @param cache    the JCache cache holding its entries
     * @param suffix   the property paths forming its group (empty: one group)
     * @param key      the property paths forming the key of an entry
     * @param triggers its triggers, one line each, such as {@code Comment INSERT|UPDATE|DELETE -> group post.id}
     * @param ttl      the time to live, if any
     * @param near     the near mode ({@code OFF}, {@code STRICT}, {@code NEAR})
     * @param store    the store holding the entries (provider and URI)
     * @param parameters the parameter types of the method, as {@code Class.getName()} gives them ({@code long},
     *                 {@code java.lang.String}); for a block defined in code, the types of its key values are not
     *                 known and the list is empty
     */
    record MethodInfo(String name, String cache, List<String> suffix, List<String> key, List<String> triggers,
                      Optional<Duration> ttl, String near, String store, List<String> parameters) {
    }

    /**
     * One applied drop and its cause.
     *
     * @param method    the method whose entries were dropped
     * @param group     the group dropped; empty for the whole method
     * @param source    what reported the change
     * @param cause     the change in one line: {@code Comment#7 UPDATE [text] (post.id) -> group [42]}, an
     *                  {@code Invalidator} call with its caller, bulk DML with its entity, an event
     * @param trigger   the trigger that fired, in the form of {@link MethodInfo#triggers()}; empty for a hand
     *                  drop
     * @param committed when the drop was applied (after the commit of the transaction that reported it)
     * @param node      the node that applied it
     */
    record Drop(String method, Optional<List<Object>> group, Source source, String cause, Optional<String> trigger,
                Instant committed, String node) {

        /** {@code cause}, then the trigger. */
        @Override
        public String toString() {
            return cause + trigger.map(t -> " (trigger " + t + ")").orElse("");
        }
    }

    /** What reported the change that caused a drop. */
    enum Source {
        /** an entity change seen by the change source (insert, update, delete, collection change) */
        ENTITY,
        /** bulk DML (JPQL or native {@code update}/{@code delete}) on an entity's table */
        BULK,
        /** an {@link Invalidator} call */
        INVALIDATOR,
        /** an application event fired through CDI */
        EVENT
    }

    /**
     * What a call would meet now.
     *
     * @param method    the method
     * @param group     the call's group (empty when the method has no suffix)
     * @param cached    whether a current entry exists for the call's key
     * @param loadedAt  when that entry was loaded, if cached and the store keeps the time (the built-in stores do not)
     * @param lastDrop  the last drop on this node of the call's group or of the whole method, if remembered
     * @param bypass    why the call would run without the cache, if it would
     */
    record Explanation(String method, List<Object> group, boolean cached, Optional<Instant> loadedAt,
                       Optional<Drop> lastDrop, Optional<String> bypass) {

        /** The explanation in one paragraph. */
        public String text() {
            StringBuilder s = new StringBuilder(method);
            s.append(": group ").append(group.isEmpty() ? "(the whole method)" : group);
            s.append(cached ? "; cached" + loadedAt.map(t -> " since " + t).orElse("") : "; not cached");
            bypass.ifPresent(b -> s.append("; bypasses the cache: ").append(b));
            lastDrop.ifPresentOrElse(
                    d -> s.append("; last dropped ").append(d.committed()).append(" on ").append(d.node())
                            .append(" by ").append(d),
                    () -> s.append("; no drop remembered"));
            return s.toString();
        }
    }

    /**
     * Whether the cache can serve.
     *
     * @param storeReachable whether the store answered its last operation (a fault since the last success
     *                       makes it false)
     * @param owed           the methods with an owed invalidation (each bypasses the cache until it is
     *                       applied)
     * @param peersTrusted   on a shared store, whether every known peer's heartbeat is current; true on an
     *                       embedded store
     * @param detail         a line for humans
     */
    record Health(boolean storeReachable, List<String> owed, boolean peersTrusted, String detail) {

        /** Reachable, nothing owed, peers trusted. */
        public boolean ready() {
            return storeReachable && owed.isEmpty() && peersTrusted;
        }
    }
}
