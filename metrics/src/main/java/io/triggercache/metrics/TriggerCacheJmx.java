package io.triggercache.metrics;

import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.ImmutableDescriptor;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * One {@link MethodStatisticsMXBean} per cached method (and cached block) of a deployment, named after the JCache
 * statistics MXBeans ({@code javax.cache:type=CacheStatistics,CacheManager=..,Cache=..}):
 * {@code io.triggercache:type=CacheStatistics,Cache=<the method's name>}, the name quoted
 * ({@link ObjectName#quote}) only when it holds a character an unquoted value may not ({@code , = : " * ?} or a
 * line break; a fragment's {@code fragment:/post.xhtml:12}, for instance).
 *
 * <p>{@link #register()} registers the MBeans of the methods known then; a method defined later (a block defined
 * on a page's first render) gets its MBean when any of these MBeans is next read, at most once a second (JMX has
 * no hook before a read, and the engine none on a definition). A name already registered (by a deployment that
 * did not shut down, or by another application with a method of the same name) is taken over, with a warning.
 * {@link #close()} unregisters the MBeans this instance registered and still owns, so that a later deployment in
 * the same JVM registers them again.
 *
 * <p>Cost: nothing on the hit path; an attribute read takes a snapshot of the method's counters. Thread-safe.
 */
public final class TriggerCacheJmx implements AutoCloseable {

    /** The JMX domain of the MBeans. */
    public static final String DOMAIN = "io.triggercache";

    private static final System.Logger LOG = System.getLogger("io.triggercache");
    /** The descriptor field naming the instance that registered an MBean, so that only it unregisters it. */
    private static final String OWNER = "triggercache.owner";
    private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final CacheStatistics statistics;
    private final CacheInspector inspector;
    private final MBeanServer server;
    private final LongSupplier nanoClock;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, ObjectName> registered = new LinkedHashMap<>();
    private volatile long lastScan;
    private volatile boolean open;

    /**
     * The MBeans of {@code statistics} in the platform MBean server.
     *
     * @param inspector the deployment's inspector, for the {@code CacheName} attribute; null: the method's name
     */
    public TriggerCacheJmx(CacheStatistics statistics, CacheInspector inspector) {
        this(statistics, inspector, ManagementFactory.getPlatformMBeanServer(), System::nanoTime);
    }

    TriggerCacheJmx(CacheStatistics statistics, CacheInspector inspector, MBeanServer server, LongSupplier nanoClock) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.inspector = inspector;
        this.server = Objects.requireNonNull(server, "server");
        this.nanoClock = nanoClock;
    }

    /**
     * The name of the MBean of the method {@code name}.
     *
     * @throws IllegalArgumentException if no valid object name can be formed (never for a name that quoting fixes)
     */
    public static ObjectName objectName(String name) {
        String value = name;
        if (name.isEmpty() || name.chars().anyMatch(c -> ",=:\"*?\n\\".indexOf(c) >= 0) || !name.strip().equals(name)) {
            value = ObjectName.quote(name);
        }
        try {
            return new ObjectName(DOMAIN + ":type=CacheStatistics,Cache=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("cached method \"" + name + "\" gives no valid JMX object name: " + e.getMessage(), e);
        }
    }

    /** Registers the MBeans of every cached method known now. */
    public synchronized void register() {
        open = true;
        scan();
    }

    /** The names of the MBeans registered by this instance, by method name. */
    public synchronized Map<String, ObjectName> registered() {
        return Map.copyOf(registered);
    }

    /** Registers the MBeans of the methods defined since the last scan, if the last one is a second old. */
    void rescanIfDue() {
        long now = nanoClock.getAsLong();
        if (open && now - lastScan >= RESCAN_NANOS) {
            synchronized (this) {
                if (open && now - lastScan >= RESCAN_NANOS) {
                    scan();
                }
            }
        }
    }

    private void scan() {
        lastScan = nanoClock.getAsLong();
        List<ObjectName> replaced = new ArrayList<>();
        for (MethodStatistics s : statistics.all()) {
            if (!registered.containsKey(s.name())) {
                ObjectName name = objectName(s.name());
                registerOne(s.name(), name, replaced);
                registered.put(s.name(), name);
            }
        }
        if (!replaced.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-502 replaced " + replaced.size() + " MBean(s) that another"
                    + " deployment left registered (one that did not shut down, or another application with cached methods of"
                    + " these names), such as " + replaced.get(0) + ": they now read this deployment's counters. Give the"
                    + " methods of applications sharing a JVM distinct names (@Cached(name)), or set triggercache.jmx=false.");
        }
    }

    private void registerOne(String method, ObjectName name, List<ObjectName> replaced) {
        Bean bean = new Bean(method, cacheOf(method));
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                unregisterQuietly(name);
                server.registerMBean(bean, name);
                replaced.add(name);
            }
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-503 could not register the MBean " + name + ": " + e
                    + "; its counters stay readable through CacheStatistics and the Micrometer meters.", e);
        }
    }

    private void unregisterQuietly(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // unregistered meanwhile: nothing to replace
        } catch (JMException e) {
            LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-503 could not unregister " + name + ": " + e, e);
        }
    }

    /** Unregisters the MBeans registered by this instance that are still its own. Idempotent. */
    @Override
    public synchronized void close() {
        open = false;
        for (ObjectName name : registered.values()) {
            try {
                Object by = server.getMBeanInfo(name).getDescriptor().getFieldValue(OWNER);
                if (owner.equals(by)) {
                    server.unregisterMBean(name);
                }
            } catch (InstanceNotFoundException gone) {
                // unregistered by someone else: nothing to do
            } catch (JMException e) {
                LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-503 could not unregister " + name + ": " + e, e);
            }
        }
        registered.clear();
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

    /** The MXBean of one method: reads the engine's counters on each attribute read. */
    private final class Bean extends StandardMBean implements MethodStatisticsMXBean {
        private final String name;
        private final String cache;
        private MBeanInfo info;

        Bean(String name, String cache) {
            super(MethodStatisticsMXBean.class, true);
            this.name = name;
            this.cache = cache;
        }

        @Override
        public synchronized MBeanInfo getMBeanInfo() {
            if (info == null) {
                MBeanInfo i = super.getMBeanInfo();
                info = new MBeanInfo(i.getClassName(), "The counters of the cached method " + name, i.getAttributes(),
                        i.getConstructors(), i.getOperations(), i.getNotifications(),
                        ImmutableDescriptor.union(i.getDescriptor(), new ImmutableDescriptor(OWNER + "=" + owner)));
            }
            return info;
        }

        private MethodStatistics read() {
            rescanIfDue();
            return statistics.of(name);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getCacheName() {
            return cache;
        }

        @Override
        public long getHits() {
            return read().hits();
        }

        @Override
        public long getMisses() {
            return read().misses();
        }

        @Override
        public long getLoads() {
            return read().loads();
        }

        @Override
        public long getLoadFailures() {
            return read().loadFailures();
        }

        @Override
        public long getLoadTimeNanos() {
            return read().loadTimeNanos();
        }

        @Override
        public long getInvalidations() {
            return read().invalidations();
        }

        @Override
        public long getBypasses() {
            return read().bypasses();
        }

        @Override
        public long getErrors() {
            return read().errors();
        }

        @Override
        public double getHitRatio() {
            return read().hitRatio();
        }
    }
}
