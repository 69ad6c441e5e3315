package io.triggercache.cdi;

import io.triggercache.engine.Instances;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.stream.Collectors;

/** Suffix functions and checkers as CDI beans, else by their public no-argument constructor. */
final class BeanInstances implements Instances {

    private final BeanManager beans;

    BeanInstances(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public <T> T get(Class<T> type) {
        Set<Bean<?>> found = beans.getBeans(type);
        if (found.isEmpty()) {
            return Instances.constructors().get(type);
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(found);
        } catch (AmbiguousResolutionException e) {
            throw new IllegalArgumentException("is ambiguous: several beans have this type ("
                    + found.stream().map(b -> b.getBeanClass().getName()).sorted().collect(Collectors.joining(", ")) + ")");
        }
        return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
    }
}
