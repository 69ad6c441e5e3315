package io.triggercache.hibernate.internal;

import io.triggercache.Change;

import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;

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
        return v == LazyPropertyInitializer.UNFETCHED_PROPERTY ? null : v;
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
        if (v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum) {
            return String.valueOf(v);
        }
        // entities and collections: their toString may load or recurse
        return v.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(v));
    }
}
