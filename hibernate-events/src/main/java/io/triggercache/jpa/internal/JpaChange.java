package io.triggercache.jpa.internal;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import jakarta.persistence.Persistence;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entity write seen by a JPA lifecycle callback. The new state is the entity itself; the old state is the
 * {@linkplain JpaChangeSource snapshot} taken when the entity was loaded or last written, when there is one.
 * Dirty properties are derived by comparing the two (see {@link EntityShape.Kind}). Valid during the call that
 * receives it only.
 */
final class JpaChange implements Change {

    /** Marks an attribute that was not loaded when the snapshot was taken. */
    static final Object UNLOADED = new Object() {
        @Override
        public String toString() {
            return "<not loaded>";
        }
    };

    private final EntityShape shape;
    private final EntityEvent event;
    private final Object entity;
    private final Object[] snapshot;
    private Set<String> dirty;

    /**
     * @param snapshot the last known database state, or {@code null} if unknown; for a delete without one the
     *                 state at deletion is read from the entity
     */
    JpaChange(EntityShape shape, EntityEvent event, Object entity, Object[] snapshot) {
        this.shape = shape;
        this.event = event;
        this.entity = entity;
        this.snapshot = snapshot;
    }

    @Override
    public Class<?> type() {
        return shape.type;
    }

    @Override
    public EntityEvent event() {
        return event;
    }

    @Override
    public Object id() {
        return shape.id(entity);
    }

    @Override
    public State before() {
        return switch (event) {
            case INSERT -> null;
            case UPDATE -> snapshot == null ? new Unknown() : new Old(snapshot);
            case DELETE -> snapshot == null ? new Current(false) : new Old(snapshot);
        };
    }

    @Override
    public State after() {
        return event == EntityEvent.DELETE ? null : new Current(true);
    }

    @Override
    public Set<String> dirtyProperties() {
        if (dirty == null) {
            dirty = event == EntityEvent.UPDATE && snapshot != null ? changed() : all();
        }
        return dirty;
    }

    private Set<String> all() {
        return Set.of(shape.names);
    }

    private Set<String> changed() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < shape.size(); i++) {
            Object old = snapshot[i];
            boolean changed = switch (shape.kinds[i]) {
                case MUTABLE -> true;
                case VALUE, REFERENCE -> old == UNLOADED
                        ? isLoaded(entity, shape.names[i])
                        : shape.kinds[i] == EntityShape.Kind.VALUE ? !Objects.equals(old, shape.read(entity, i)) : old != shape.read(entity, i);
            };
            if (changed) {
                out.add(shape.names[i]);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    static boolean isLoaded(Object entity, String attribute) {
        return Persistence.getPersistenceUtil().isLoaded(entity, attribute);
    }

    private int index(String property) {
        int i = shape.indexOf(property);
        if (i < 0) {
            throw new IllegalArgumentException(shape.type.getSimpleName() + " has no persistent property \"" + property + "\" (known: "
                    + shape.known() + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return event + " " + shape.type.getName() + "#" + id();
    }

    /** The entity as it is now: the new state, or for a delete without snapshot the state at deletion. */
    private final class Current implements State {
        private final boolean exposeObject;

        Current(boolean exposeObject) {
            this.exposeObject = exposeObject;
        }

        @Override
        public Object get(String property) {
            return shape.read(entity, index(property));
        }

        @Override
        public Object object() {
            return exposeObject ? entity : null;
        }
    }

    /**
     * The old state of an update whose entity has no snapshot (not loaded through this persistence unit's
     * {@code @PostLoad}, for example merged from another unit or a detached copy): every attribute but the
     * identifier reads {@link Change#UNKNOWN}, so that every group it could have been in is dropped.
     */
    private final class Unknown implements State {
        @Override
        public Object get(String property) {
            int i = index(property);
            for (int id : shape.idAttributes) {
                if (id == i) {
                    return shape.read(entity, i);
                }
            }
            return Change.UNKNOWN;
        }

        @Override
        public Object object() {
            return null;
        }
    }

    /** The snapshot: the last state the database is known to hold. */
    private final class Old implements State {
        private final Object[] values;

        Old(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(String property) {
            int i = index(property);
            Object v = values[i];
            if (v != UNLOADED) {
                return v;
            }
            // not loaded when read, and still not loaded: the application cannot have changed it
            if (!isLoaded(entity, property)) {
                return shape.read(entity, i);
            }
            // lazy and not loaded when the entity was read, loaded since: its old value is unknown
            return Change.UNKNOWN;
        }

        @Override
        public Object object() {
            return null;
        }
    }
}
