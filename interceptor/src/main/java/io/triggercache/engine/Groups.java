package io.triggercache.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Group values: the suffix values of an entry as a list, the form stores and triggers share.
 * Integral numbers are widened to {@code Long} on both sides, so that a method suffix read from an
 * {@code int} parameter and a trigger suffix read from a {@code Long} id meet.
 */
final class Groups {

    static final List<Object> NO_SUFFIX = List.of();

    private Groups() {
    }

    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    static List<?> of(Object... values) {
        Object[] parts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = normalize(values[i]);
        }
        return Arrays.asList(parts);
    }
}
