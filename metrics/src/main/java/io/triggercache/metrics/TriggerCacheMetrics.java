package io.triggercache.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The Micrometer meters of the cached methods of one deployment: for each method (and each cached block, such as a
 * {@code <tc:cache>} fragment), its {@link CacheStatistics} counters as function counters and a function timer,
 * tagged {@code name} (the method's name) and {@code cache} (the JCache cache holding its entries), with
 * {@code result} where one meter splits by outcome:
 *
 * <table>
 * <caption>meters per method</caption>
 * <tr><th>meter</th><th>type</th><th>counter of {@link MethodStatistics}</th></tr>
 * <tr><td>{@value #GETS} {@code result=hit}</td><td>function counter</td><td>hits</td></tr>
 * <tr><td>{@value #GETS} {@code result=miss}</td><td>function counter</td><td>misses</td></tr>
 * <tr><td>{@value #LOAD} {@code result=success}</td><td>function counter</td><td>loads</td></tr>
 * <tr><td>{@value #LOAD} {@code result=failure}</td><td>function counter</td><td>loadFailures</td></tr>
 * <tr><td>{@value #LOAD_DURATION}</td><td>function timer</td><td>count loads + loadFailures, total loadTimeNanos</td></tr>
 * <tr><td>{@value #INVALIDATIONS}</td><td>function counter</td><td>invalidations</td></tr>
 * <tr><td>{@value #BYPASSES}</td><td>function counter</td><td>bypasses</td></tr>
 * <tr><td>{@value #ERRORS}</td><td>function counter</td><td>errors</td></tr>
 * </table>
 *
 * <p>and one gauge {@value #METHODS} (no method tags): how many cached methods and blocks there are.
 *
 * <p>The names follow Micrometer's cache binders ({@code cache.gets}, Caffeine's {@code cache.load} and
 * {@code cache.load.duration}) under the prefix {@code triggercache.}, so that they never clash with the meters a
 * {@code JCacheMetrics} binder registers for the same JCache cache (those carry no {@code name} tag, and a Prometheus
 * registry refuses one meter name with two sets of tag keys).
 *
 * <p>Cost: nothing on the hit path. The meters read the engine's counters when the registry reads them (a scrape, a
 * push): each read takes a snapshot of the method's counters ({@link CacheStatistics#of}). A method defined after the
 * binding (a block defined on a page's first render) gets its meters when {@value #METHODS} is next read, which
 * re-reads the list of methods: at the next scrape or push, which reports them then or at the one after (Micrometer offers no hook
 * before a scrape, and the engine none on a definition; a re-scan per scrape costs one snapshot per method).
 *
 * <p>Thread-safe. {@link #close()} removes every meter this binder registered, so that a registry that outlives the
 * deployment (a server's) keeps no meter reading an undeployed application's counters.
 *
 * <pre>{@code
 * TriggerCacheMetrics metrics = new TriggerCacheMetrics(statistics, inspector);
 * metrics.bindTo(registry);
 * ...
 * metrics.close();
 * }</pre>
 *
 * <p>In a CDI application with a {@code MeterRegistry} bean, {@code triggercache-metrics} does this by itself.
 */
public final class TriggerCacheMetrics implements MeterBinder, AutoCloseable {

    /** Calls answered from the cache ({@code result=hit}) or not ({@code result=miss}). */
    public static final String GETS = "triggercache.gets";
    /** Runs of the method to fill the cache that returned ({@code result=success}) or threw ({@code result=failure}). */
    public static final String LOAD = "triggercache.load";
    /** The time spent in loads, failed ones included. */
    public static final String LOAD_DURATION = "triggercache.load.duration";
    /** Groups or whole-method drops applied. */
    public static final String INVALIDATIONS = "triggercache.invalidations";
    /** Calls that ran the method without the cache. */
    public static final String BYPASSES = "triggercache.bypasses";
    /** Store faults. */
    public static final String ERRORS = "triggercache.errors";
    /** The number of cached methods and blocks; reading it binds the meters of methods defined since the last read. */
    public static final String METHODS = "triggercache.methods";

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    private final CacheStatistics statistics;
    private final CacheInspector inspector;
    private final Tags tags;
    private final List<Binding> bindings = new ArrayList<>();

    /**
     * A binder over the counters of {@code statistics}, naming each method's cache through {@code inspector}.
     *
     * @param statistics the deployment's counters
     * @param inspector  the deployment's inspector, for the {@code cache} tag; null: the tag is the method's name (the
     *                   cache a method has unless {@code @Cached(cache)} names another)
     */
    public TriggerCacheMetrics(CacheStatistics statistics, CacheInspector inspector) {
        this(statistics, inspector, Tags.empty());
    }

    /**
     * A binder as {@link #TriggerCacheMetrics(CacheStatistics, CacheInspector)}, adding {@code tags} to every meter
     * (an application's name, when several deployments share a registry and have methods of the same name).
     */
    public TriggerCacheMetrics(CacheStatistics statistics, CacheInspector inspector, Iterable<Tag> tags) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.inspector = inspector;
        this.tags = Tags.of(tags);
    }

    /**
     * Registers the meters of every cached method known now, and the {@value #METHODS} gauge that adds those of
     * methods defined later. A meter of the same name and tags left in the registry by a deployment that did not
     * close its binder is replaced (and a warning logged), so that it reads this deployment's counters.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Binding b;
        synchronized (this) {
            for (Binding known : bindings) {
                if (known.registry == registry) {
                    return;
                }
            }
            b = new Binding(registry);
            bindings.add(b);
        }
        b.open();
    }

    /** Removes every meter this binder registered from every registry it was bound to. Idempotent. */
    @Override
    public void close() {
        List<Binding> all;
        synchronized (this) {
            all = new ArrayList<>(bindings);
            bindings.clear();
        }
        for (Binding b : all) {
            b.close();
        }
    }

    /** The meters of one registry. */
    private final class Binding {
        private final MeterRegistry registry;
        private final Set<String> bound = new HashSet<>();
        /** Held strongly: function meters keep only a weak reference to their state. */
        private final List<Probe> probes = new ArrayList<>();
        private final List<Meter> meters = new ArrayList<>();
        private final List<Meter.Id> replaced = new ArrayList<>();
        private boolean closed;

        Binding(MeterRegistry registry) {
            this.registry = registry;
        }

        synchronized void open() {
            register(Gauge.builder(METHODS, this, Binding::rescan)
                    .tags(tags)
                    .description("The number of cached methods and blocks (reading it binds the meters of new ones)")
                    .strongReference(true)::register, METHODS, Tags.of(tags), Meter.Type.GAUGE);
            rescan();
        }

        /** Binds the methods not bound yet; the number of methods. */
        synchronized double rescan() {
            Collection<MethodStatistics> all = statistics.all();
            if (!closed) {
                for (MethodStatistics s : all) {
                    if (bound.add(s.name())) {
                        bind(s.name());
                    }
                }
                reportReplaced();
            }
            return all.size();
        }

        private void bind(String name) {
            Probe p = new Probe(statistics, name);
            probes.add(p);
            Tags t = Tags.of(tags).and("name", name, "cache", cacheOf(name));
            String gets = "Calls answered from the cache (hit) or that found no current entry (miss)";
            counter(GETS, p, MethodStatistics::hits, t.and("result", "hit"), gets);
            counter(GETS, p, MethodStatistics::misses, t.and("result", "miss"), gets);
            String load = "Runs of the method to fill the cache that returned (success) or threw (failure)";
            counter(LOAD, p, MethodStatistics::loads, t.and("result", "success"), load);
            counter(LOAD, p, MethodStatistics::loadFailures, t.and("result", "failure"), load);
            register(FunctionTimer.builder(LOAD_DURATION, p, Probe::loadCount, Probe::loadNanos, TimeUnit.NANOSECONDS)
                    .tags(t)
                    .description("The time spent in loads, failed ones included")::register, LOAD_DURATION, t, Meter.Type.TIMER);
            counter(INVALIDATIONS, p, MethodStatistics::invalidations, t, "Groups or whole-method drops applied");
            counter(BYPASSES, p, MethodStatistics::bypasses, t, "Calls that ran the method without the cache (pending"
                    + " changes of the caller's transaction, an owed invalidation, a store fault)");
            counter(ERRORS, p, MethodStatistics::errors, t, "Store faults");
        }

        private void counter(String meter, Probe p, ToLongFunction<MethodStatistics> counter, Tags t, String description) {
            ToDoubleFunction<Probe> read = probe -> counter.applyAsLong(probe.read());
            register(FunctionCounter.builder(meter, p, read).tags(t).description(description)::register, meter, t, Meter.Type.COUNTER);
        }

        /**
         * Registers one meter. The registry would return a meter of the same id as it is, still reading the state it
         * was built with: a leftover of another deployment is removed first, so that the new one reads this one's.
         */
        private void register(Function<MeterRegistry, Meter> builder, String name, Tags t, Meter.Type type) {
            Meter leftover = registry.removeByPreFilterId(new Meter.Id(name, t, null, null, type));
            if (leftover != null) {
                replaced.add(leftover.getId());
            }
            meters.add(builder.apply(registry));
        }

        /** Logs the leftovers replaced since the last report, once for all of them. */
        private void reportReplaced() {
            if (!replaced.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-501 replaced " + replaced.size() + " meter(s) that another"
                        + " deployment left in the registry (one that did not shut down, or another application with cached"
                        + " methods of these names), such as " + replaced.get(0) + ": they now read this deployment's counters."
                        + " If two applications share a registry, tag each one's meters apart (docs/metrics.md, Several"
                        + " applications).");
                replaced.clear();
            }
        }

        synchronized void close() {
            closed = true;
            Set<Meter> held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            held.addAll(registry.getMeters());
            for (Meter m : meters) {
                if (held.contains(m)) {         // not a later deployment's meter of the same id
                    registry.remove(m);
                }
            }
            meters.clear();
            probes.clear();
            bound.clear();
        }
    }

    private String cacheOf(String name) {
        if (inspector == null) {
            return name;
        }
        try {
            return inspector.method(name).cache();
        } catch (RuntimeException e) {
            return name;
        }
    }

    /** The counters of one method, read through {@link CacheStatistics#of} when a meter is read. */
    private static final class Probe {
        private final CacheStatistics statistics;
        private final String name;

        Probe(CacheStatistics statistics, String name) {
            this.statistics = statistics;
            this.name = name;
        }

        MethodStatistics read() {
            return statistics.of(name);
        }

        long loadCount() {
            MethodStatistics s = read();
            return s.loads() + s.loadFailures();
        }

        double loadNanos() {
            return read().loadTimeNanos();
        }
    }
}
