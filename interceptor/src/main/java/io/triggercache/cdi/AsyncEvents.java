package io.triggercache.cdi;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

/**
 * Sees {@code Event.fireAsync} on the firing thread, where the firing transaction is known: an application event
 * watched by a trigger becomes a pending drop of that transaction (applied after its commit, nothing on
 * rollback), exactly as {@code fire} is handled by the extension's synchronous observer. Asynchronous observers
 * run on another thread, which cannot know the firing transaction; that is why this is a decorator of the
 * built-in {@code Event} bean rather than an {@code @ObservesAsync} observer. Registered by
 * {@link TriggerCacheExtension}; not for direct use. Serializable because the container requires decorators of
 * built-in beans to be passivation capable.
 *
 * @param <T> the event type
 */
@Decorator
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public abstract class AsyncEvents<T> implements Event<T>, Serializable {

    private static final long serialVersionUID = 1L;

    private final Event<T> delegate;
    private final TriggerCacheExtension extension;

    @Inject
    public AsyncEvents(@Delegate @Any Event<T> delegate, TriggerCacheExtension extension) {
        this.delegate = delegate;
        this.extension = extension;
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        extension.engine().applicationEvent(event);
        return delegate.fireAsync(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        extension.engine().applicationEvent(event);
        return delegate.fireAsync(event, options);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return new Selected<>(delegate.select(qualifiers), extension);
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        return new Selected<>(delegate.select(subtype, qualifiers), extension);
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        return new Selected<>(delegate.select(subtype, qualifiers), extension);
    }

    /** A child event obtained through {@code select}, which the container does not decorate again. */
    private record Selected<T>(Event<T> delegate, TriggerCacheExtension extension) implements Event<T> {
        @Override
        public void fire(T event) {
            delegate.fire(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            extension.engine().applicationEvent(event);
            return delegate.fireAsync(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            extension.engine().applicationEvent(event);
            return delegate.fireAsync(event, options);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return new Selected<>(delegate.select(qualifiers), extension);
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new Selected<>(delegate.select(subtype, qualifiers), extension);
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new Selected<>(delegate.select(subtype, qualifiers), extension);
        }
    }
}
