package io.triggercache.engine;

import io.triggercache.Cached;
import java.lang.reflect.Method;

/**
 * A cached method found at deployment: the bean class it was found on, the method, and the
 * {@link Cached} that applies to it (its own, or its class's).
 *
 * @param beanClass the bean class (the method may be declared by a superclass)
 * @param method    the method the interceptor will see
 * @param cached    the annotation in force
 * @param fromClass whether the annotation came from the class rather than the method
 */
public record MethodDefinition(Class<?> beanClass, Method method, Cached cached, boolean fromClass) {
}
