package io.triggercache.hibernate.internal;

import java.util.Set;

import io.triggercache.Change;
import io.triggercache.EntityEvent;

/** An insert, update or delete of one entity, as handed to the {@link io.triggercache.spi.ChangeSink}. */
final class EntityChange implements Change {

    private final Class<?> type;
    private final EntityEvent event;
    private final Object id;
    private final State before;
    private final State after;
    private final Set<String> dirty;

    EntityChange(Class<?> type, EntityEvent event, Object id, State before, State after, Set<String> dirty) {
        this.type = type;
        this.event = event;
        this.id = id;
        this.before = before;
        this.after = after;
        this.dirty = dirty;
    }

    @Override
    public Class<?> type() {
        return type;
    }

    @Override
    public EntityEvent event() {
        return event;
    }

    @Override
    public Object id() {
        return id;
    }

    @Override
    public State before() {
        return before;
    }

    @Override
    public State after() {
        return after;
    }

    @Override
    public Set<String> dirtyProperties() {
        return dirty;
    }

    @Override
    public String toString() {
        return event + " " + type.getSimpleName() + "#" + id + " dirty=" + dirty + " before=" + before + " after=" + after;
    }
}
