package io.triggercache.cdc.internal;

import io.triggercache.Change;

/** One side of a captured change: attribute values read from the row, {@link Change#UNKNOWN} where the row does not tell. */
final class RowState implements Change.State {

    private final TableMap.EntityShape shape;
    private final Object id;
    private final Object[] values;

    RowState(TableMap.EntityShape shape, Object id, Object[] values) {
        this.shape = shape;
        this.id = id;
        this.values = values;
    }

    @Override
    public Object get(String property) {
        Integer p = shape.positions.get(property);
        if (p == null) {
            if (property.equals(shape.idName)) {
                return id;
            }
            throw new IllegalArgumentException(shape.type.getSimpleName() + " has no property \"" + property + "\"");
        }
        return values[p];
    }

    @Override
    public Object object() {
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{").append(shape.idName).append('=').append(id);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            sb.append(", ").append(shape.names[i]).append('=');
            sb.append(v == null || v == Change.UNKNOWN || v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum
                    ? String.valueOf(v) : v.getClass().getSimpleName());
        }
        return sb.append('}').toString();
    }
}
