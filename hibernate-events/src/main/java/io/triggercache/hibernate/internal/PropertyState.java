package io.triggercache.hibernate.internal;

import io.triggercache.Change;

import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

/**
 * One side of an entity change: Hibernate's state array read by property name. The identifier property is
 * readable too (it is not part of Hibernate's state arrays).
 */
final class PropertyState implements Change.State {

    private final EntityMetadata metadata;
    private final Object id;
    private final Object[] values;
    private final Object object;

    PropertyState(EntityMetadata metadata, Object id, Object[] values, Object object) {
        this.metadata = metadata;
        this.id = id;
        this.values = values;
        this.object = object;
    }

    @Override
    public Object get(String property) {
        int p = metadata.position(property);
        if (p < 0) {
            if (property.equals(metadata.idName)) {
                return id;
            }
            throw new IllegalArgumentException(metadata.type.getSimpleName() + " has no property \"" + property
                    + "\" (known: " + metadata.knownProperties() + ")");
        }
        Object v = values[p];
        // a lazy attribute that was never loaded: its value is unknown here
        if (v == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
            return Change.UNKNOWN;
        }
        // an old state holding a collection never loaded (directly or inside an embeddable): its elements are
        // unknown, and reading them would load during the flush
        if (object == null && v != null && v != Change.UNKNOWN && (v instanceof PersistentCollection<?> || metadata.collectionInside[p])
                && holdsUnloaded(metadata.types[p], v)) {
            return Change.UNKNOWN;
        }
        return v;
    }

    private static boolean holdsUnloaded(Type type, Object value) {
        if (value instanceof PersistentCollection<?> c) {
            return !c.wasInitialized();
        }
        if (value != null && type instanceof ComponentType ct) {
            Type[] subtypes = ct.getSubtypes();
            Object[] values = ct.getPropertyValues(value);
            for (int i = 0; i < subtypes.length; i++) {
                if (holdsUnloaded(subtypes[i], values[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The old state of an update made without it (a StatelessSession or detached update, an upsert). */
    static PropertyState unknown(EntityMetadata metadata, Object id) {
        Object[] values = new Object[metadata.names.length];
        java.util.Arrays.fill(values, Change.UNKNOWN);
        return new PropertyState(metadata, id, values, null);
    }

    @Override
    public Object object() {
        return object;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        if (metadata.idName != null) {
            sb.append(metadata.idName).append('=').append(id);
        }
        for (int i = 0; i < values.length; i++) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(metadata.names[i]).append('=').append(describe(values[i]));
        }
        return sb.append('}').toString();
    }

    private static String describe(Object v) {
        if (v == null || v == Change.UNKNOWN || v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum) {
            return String.valueOf(v);
        }
        // entities and collections: their toString may load or recurse
        return v.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(v));
    }
}
