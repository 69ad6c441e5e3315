package io.triggercache.hibernate.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ChangeSinks;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;
import org.hibernate.resource.beans.spi.ManagedBeanRegistry;

/**
 * Finds the {@link ChangeSink} of a session factory's deployment, in this order: the
 * {@value TriggerCacheSettings#SINK} property; the CDI bean of type {@code ChangeSink} through Hibernate's bean
 * container (present when the container passed its {@code BeanManager} as
 * {@code jakarta.persistence.bean.manager}); {@link ChangeSinks} for the thread context class loader, then for
 * the class loaders of the mapped entity classes.
 */
final class SinkLocator {

    private static final BeanContainer.LifecycleOptions OPTIONS = new BeanContainer.LifecycleOptions() {
        @Override
        public boolean canUseCachedReferences() {
            return true;
        }

        @Override
        public boolean useJpaCompliantCreation() {
            return false;
        }
    };

    /** Hibernate asks this when CDI has no such bean: there is none, rather than one made by reflection. */
    private static final BeanInstanceProducer NONE = new BeanInstanceProducer() {
        @Override
        public <B> B produceBeanInstance(Class<B> beanType) {
            return null;
        }

        @Override
        public <B> B produceBeanInstance(String name, Class<B> beanType) {
            return null;
        }
    };

    private SinkLocator() {
    }

    static ChangeSink locate(SessionFactoryImplementor factory, String factoryName) {
        Object property = factory.getProperties().get(TriggerCacheSettings.SINK);
        if (property instanceof ChangeSink) {
            Log.sinkFound(factoryName, "the property " + TriggerCacheSettings.SINK);
            return (ChangeSink) property;
        }
        if (property != null) {
            Log.sinkPropertyInvalid(factoryName, property);
        }
        ChangeSink sink = fromBeanContainer(factory, factoryName);
        if (sink != null) {
            Log.sinkFound(factoryName, "CDI");
            return sink;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            sink = ChangeSinks.find(context);
            if (sink != null) {
                Log.sinkFound(factoryName, "ChangeSinks (thread context class loader)");
                return sink;
            }
        }
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(p -> {
            ClassLoader l = p.getMappedClass().getClassLoader();
            if (l != null) {
                loaders.add(l);
            }
        });
        for (ClassLoader l : loaders) {
            sink = ChangeSinks.find(l);
            if (sink != null) {
                Log.sinkFound(factoryName, "ChangeSinks (entity class loader)");
                return sink;
            }
        }
        return null;
    }

    private static ChangeSink fromBeanContainer(SessionFactoryImplementor factory, String factoryName) {
        try {
            ManagedBeanRegistry registry = factory.getServiceRegistry().getService(ManagedBeanRegistry.class);
            BeanContainer container = registry == null ? null : registry.getBeanContainer();
            if (container == null) {
                return null;
            }
            ContainedBean<ChangeSink> bean = container.getBean(ChangeSink.class, OPTIONS, NONE);
            return bean == null ? null : bean.getBeanInstance();
        } catch (RuntimeException e) {
            // the BeanManager is not ready yet, or the bean is ambiguous: try the other ways, and CDI again later
            Log.sinkLookupFailed(factoryName, "the CDI bean container", e);
            return null;
        }
    }
}
