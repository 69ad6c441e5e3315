package io.triggercache.cdi;

import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.Cached;
import io.triggercache.Invalidator;
import io.triggercache.Trigger;
import io.triggercache.engine.InvalidDeclarationsException;
import io.triggercache.engine.MethodDefinition;
import io.triggercache.engine.TransactionBridge;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ChangeSinks;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.CacheManager;

/**
 * The portable extension that makes {@link Cached} work: it finds every cached method when the
 * application deploys, validates all declarations (failing the deployment with every problem at
 * once), builds the engine with its trigger index, and registers the {@link Invalidator},
 * {@link CacheStatistics}, {@link CacheInspector} and {@link ChangeSink} beans.
 *
 * <p>The store is, in order of preference: a bean of type {@link CacheStore}; a JCache store over a bean
 * of type {@link CacheManager} that the application itself declares (its class loaded by the deployment's
 * class loader: a server's own {@code CacheManager} bean, such as Payara's Hazelcast, is not adopted
 * silently; produce a {@code CacheStore} over it to use it); the embedded store (Ehcache 3, or Caffeine's JCache with
 * {@code -Dtriggercache.embedded=caffeine}). Each cache
 * the store creates is bounded by the system property {@code triggercache.cache.<cache>.max-entries},
 * else {@code triggercache.max-entries}, else 10,000 entries.
 *
 * <p>Discovered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class TriggerCacheExtension implements Extension {

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    private final Map<Method, MethodDefinition> definitions = new LinkedHashMap<>();
    // every enabled bean of these types in the deployment, seen as the container processed it: some servers
    // (Payara) hand this extension a BeanManager of a library's archive, which cannot see the application's beans
    private final Set<Bean<?>> storeBeans = new LinkedHashSet<>();
    private final Set<Bean<?>> managerBeans = new LinkedHashSet<>();
    private volatile TriggerCacheEngine engine;
    private ClassLoader deployment;

    void registerInterceptor(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        event.addAnnotatedType(beans.createAnnotatedType(CachedInterceptor.class), CachedInterceptor.class.getName());
        event.addAnnotatedType(beans.createAnnotatedType(AsyncEvents.class), AsyncEvents.class.getName());
    }

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        if (type.isAnnotationPresent(Interceptor.class) || type.isAnnotationPresent(jakarta.decorator.Decorator.class)) {
            return;
        }
        Cached onClass = type.getAnnotation(Cached.class);
        for (AnnotatedMethod<? super T> am : type.getMethods()) {
            Method m = am.getJavaMember();
            Cached own = am.getAnnotation(Cached.class);
            if (own != null) {
                definitions.putIfAbsent(m, new MethodDefinition(type.getJavaClass(), m, own, false));
            } else if (onClass != null && m.getDeclaringClass() == type.getJavaClass() && Modifier.isPublic(m.getModifiers())
                    && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class && !m.isSynthetic()) {
                definitions.putIfAbsent(m, new MethodDefinition(type.getJavaClass(), m, onClass, true));
            }
        }
    }

    <T> void noteStore(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (bean.getTypes().contains(CacheStore.class)) {
            storeBeans.add(bean);
        } else if (bean.getTypes().contains(CacheManager.class)) {
            managerBeans.add(bean);
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(TriggerCacheExtension.class).types(Invalidator.class, Object.class)
                .scope(Singleton.class).createWith(c -> engine());
        event.addBean().beanClass(TriggerCacheExtension.class).types(CacheStatistics.class, Object.class)
                .scope(Singleton.class).createWith(c -> engine());
        event.addBean().beanClass(TriggerCacheExtension.class).types(ChangeSink.class, Object.class)
                .scope(Singleton.class).createWith(c -> engine());
        event.addBean().beanClass(TriggerCacheExtension.class).types(CacheInspector.class, Object.class)
                .scope(Singleton.class).createWith(c -> engine().inspector());
        Set<Class<?>> eventTypes = new LinkedHashSet<>();
        for (MethodDefinition d : definitions.values()) {
            for (Trigger t : d.cached().triggers()) {
                if (t.entity().length == 0) {
                    eventTypes.addAll(List.of(t.event()));
                }
            }
        }
        for (Class<?> type : eventTypes) {
            event.addObserverMethod().beanClass(TriggerCacheExtension.class).observedType(type)
                    .notifyWith(ctx -> engine().applicationEvent(ctx.getEvent()));
        }
    }

    void build(@Observes AfterDeploymentValidation event, BeanManager beans) {
        CacheStore store;
        boolean owned = false;
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        List<String> deadTriggers = PersistenceUnits.problems(application, definitions.values());
        if (!deadTriggers.isEmpty()) {
            InvalidDeclarationsException e = InvalidDeclarationsException.of(deadTriggers);
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
            return;
        }
        try {
            CacheStore appStore = reference(beans, CacheStore.class, null, storeBeans);
            if (appStore != null) {
                store = appStore;
            } else {
                // only a CacheManager the application produces: a server's own (Payara's Hazelcast) is not
                // adopted silently; an application that wants it produces a CacheStore over it
                CacheManager manager = reference(beans, CacheManager.class, application, managerBeans);
                store = manager != null ? new JCacheStore(manager) : JCacheStore.embedded();
                owned = true;
            }
        } catch (RuntimeException | LinkageError e) {
            // a LinkageError is typically a jar missing from the deployment (slf4j-api for Ehcache on Payara)
            event.addDeploymentProblem(new DeploymentException("triggercache could not open its store: " + e
                    + (e instanceof LinkageError ? ". A library the store needs is missing from the deployment; see docs/servers.md, Packaging." : ""), e));
            return;
        }
        try {
            engine = TriggerCacheEngine.builder()
                    .store(store, owned)
                    .instances(new BeanInstances(beans))
                    .transactions(jtaAvailable() ? JtaBridge.lookup() : TransactionBridge.NONE)
                    .maxEntries(TriggerCacheExtension::maxEntries)
                    .build(new ArrayList<>(definitions.values()));
        } catch (InvalidDeclarationsException e) {
            if (owned) {
                store.close();
            }
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
            return;
        }
        deployment = Thread.currentThread().getContextClassLoader();
        if (deployment != null) {
            ChangeSinks.register(deployment, engine);
        }
        LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-002 cached methods: " + engine.names());
    }

    void shutdown(@Observes BeforeShutdown event) {
        TriggerCacheEngine e = engine;
        if (e != null) {
            if (deployment != null) {
                ChangeSinks.unregister(deployment, e);
            }
            e.close();
        }
    }

    /**
     * The engine of this deployment.
     *
     * @throws IllegalStateException before the deployment has been validated, or if it failed
     */
    public TriggerCacheEngine engine() {
        TriggerCacheEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("triggercache is not ready: the deployment has not been validated yet, or it failed");
        }
        return e;
    }

    /**
     * A reference to the bean of {@code type}, or null if there is none; with {@code application} set, only
     * beans whose class the application's class loader (or one below it) loaded count. The beans this
     * manager resolves come first; if it sees none, the ones the container reported while processing the
     * deployment ({@code seen}), which a library archive's manager may not see.
     */
    private static <T> T reference(BeanManager beans, Class<T> type, ClassLoader application, Set<Bean<?>> seen) {
        Set<Bean<?>> found = new java.util.HashSet<>(beans.getBeans(type));
        if (found.isEmpty()) {
            found.addAll(seen);
        }
        if (application != null) {
            found.removeIf(b -> !loadedBy(b.getBeanClass(), application));
        }
        if (found.isEmpty()) {
            return null;
        }
        Bean<?> bean = beans.resolve(found);
        return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
    }

    /** Whether the JTA API is present; checked before {@link JtaBridge}, whose class cannot load without it. */
    private static boolean jtaAvailable() {
        try {
            Class.forName("jakarta.transaction.TransactionSynchronizationRegistry", false, TriggerCacheExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean loadedBy(Class<?> type, ClassLoader application) {
        for (ClassLoader l = type.getClassLoader(); l != null; l = l.getParent()) {
            if (l == application) {
                return true;
            }
        }
        return false;
    }

    private static long maxEntries(String cache) {
        String v = System.getProperty("triggercache.cache." + cache + ".max-entries", System.getProperty("triggercache.max-entries", "10000"));
        return Long.parseLong(v.trim());
    }
}
