package io.triggercache.cdi;

import io.triggercache.Cached;
import io.triggercache.engine.TriggerCacheEngine;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The {@link Cached} interceptor: a thin adapter handing each call to the deployment's engine.
 * Registered by {@link TriggerCacheExtension} and enabled by its priority; not for direct use.
 *
 * <p>It runs inside platform interceptors such as {@code @Transactional}, so a cached call made in a
 * transaction sees that transaction's pending changes.
 */
@Cached
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class CachedInterceptor {

    private static final TriggerCacheEngine.Loader<InvocationContext> PROCEED = InvocationContext::proceed;

    private final TriggerCacheEngine engine;

    @Inject
    public CachedInterceptor(TriggerCacheExtension extension) {
        this.engine = extension.engine();
    }

    @AroundInvoke
    public Object intercept(InvocationContext context) throws Exception {
        return engine.call(context.getMethod(), context.getParameters(), PROCEED, context);
    }
}
