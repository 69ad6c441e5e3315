package io.triggercache.benchmarks.support;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/**
 * Makes an object built outside the container (a JCache manager, a Hibernate session factory) a singleton
 * bean of the given type, as an application's producer method would. One instance per container.
 *
 * @param <T> the bean type
 */
public final class ProvidedBean<T> implements Extension {

    private final Class<T> type;
    private final T instance;

    public ProvidedBean(Class<T> type, T instance) {
        this.type = type;
        this.instance = instance;
    }

    void add(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(ProvidedBean.class).types(type, Object.class).scope(Singleton.class).createWith(c -> instance);
    }
}
