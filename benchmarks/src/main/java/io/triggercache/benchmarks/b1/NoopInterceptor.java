package io.triggercache.benchmarks.b1;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * An interceptor that only proceeds, at the same priority as triggercache's: the container's cost of
 * intercepting a call, which every interceptor-based cache pays before doing anything.
 */
@Noop
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class NoopInterceptor {

    @AroundInvoke
    public Object proceed(InvocationContext context) throws Exception {
        return context.proceed();
    }
}
