package io.triggercache.engine;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An application event seen as a change: no entity event, the event object as the after state. */
final class EventChange implements Change, Change.State {

    /** Accessors by event class and property: owned by the engine, so nothing outlives the deployment. */
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, Accessors.Accessor>> accessors;
    private final Object event;

    EventChange(Object event, ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, Accessors.Accessor>> accessors) {
        this.event = event;
        this.accessors = accessors;
    }

    @Override
    public Class<?> type() {
        return event.getClass();
    }

    @Override
    public EntityEvent event() {
        return null;
    }

    @Override
    public Object id() {
        return null;
    }

    @Override
    public State before() {
        return null;
    }

    @Override
    public State after() {
        return this;
    }

    @Override
    public Set<String> dirtyProperties() {
        return new LinkedHashSet<>(Accessors.known(event.getClass()));
    }

    @Override
    public Object get(String property) {
        Accessors.Accessor a = accessors.computeIfAbsent(event.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(property, p -> {
                    Accessors.Accessor found = Accessors.find(event.getClass(), p);
                    if (found == null) {
                        throw new IllegalArgumentException(event.getClass().getSimpleName() + " has no property \"" + p
                                + "\" (known: " + String.join(", ", List.copyOf(Accessors.known(event.getClass()))) + ")");
                    }
                    return found;
                });
        try {
            return a.handle().invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public Object object() {
        return event;
    }
}
