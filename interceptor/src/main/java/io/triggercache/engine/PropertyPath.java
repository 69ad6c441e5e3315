package io.triggercache.engine;

import java.lang.invoke.MethodHandle;

/**
 * A property path compiled to a chain of method handles: {@code post.id} becomes "argument (or state
 * property) {@code post}, then {@code getId()}". Evaluation stops at the first {@code null} and yields
 * {@code null}, or at {@link io.triggercache.Change#UNKNOWN} (a value the change source does not know) and yields it. Immutable and thread-safe.
 */
final class PropertyPath {

    private static final MethodHandle[] NONE = new MethodHandle[0];

    final String text;
    /** The parameter index for a path over the parameters; -1 for a path over a change's state. */
    final int parameter;
    /** The first property for a path over a change's state. */
    final String first;
    private final MethodHandle[] rest;
    /**
     * For a path through a collection ({@code legs.loadLocation.unLocode}): the rest of the path, followed from each
     * element of the collection that {@link #rest} reaches; the path then yields a {@link Many}. Null otherwise.
     */
    private final PropertyPath each;
    /** The declared type of the value at the end of the path. */
    final Class<?> type;

    private PropertyPath(String text, int parameter, String first, MethodHandle[] rest, Class<?> type, PropertyPath each) {
        this.text = text;
        this.parameter = parameter;
        this.first = first;
        this.rest = rest;
        this.type = type;
        this.each = each;
    }

    /** A path over a change's state that reaches a collection after {@code rest} and continues with {@code each} per element. */
    static PropertyPath overStateThrough(String text, String first, MethodHandle[] rest, PropertyPath each) {
        return new PropertyPath(text, -1, first, rest.length == 0 ? NONE : rest, each.type, each);
    }

    /** The rest of a path after a collection: followed from each element (the element is the start). */
    static PropertyPath fromElement(String text, MethodHandle[] rest, Class<?> type, PropertyPath each) {
        return new PropertyPath(text, -1, null, rest.length == 0 ? NONE : rest, each == null ? type : each.type, each);
    }

    /** Whether the path goes through a collection and may yield several values. */
    boolean fansOut() {
        return each != null;
    }

    /** The values a path through a collection yields, one group part each. */
    record Many(java.util.List<Object> values) {
    }

    static PropertyPath overParameter(String text, int parameter, MethodHandle[] rest, Class<?> type) {
        return new PropertyPath(text, parameter, null, rest.length == 0 ? NONE : rest, type, null);
    }

    static PropertyPath overState(String text, String first, MethodHandle[] rest, Class<?> type) {
        return new PropertyPath(text, -1, first, rest.length == 0 ? NONE : rest, type, null);
    }

    /** The value of this path over the arguments of a call. */
    Object evaluate(Object[] args) {
        return follow(args[parameter]);
    }

    /** The value of this path over one state of a change. */
    Object evaluate(io.triggercache.Change.State state) {
        return follow(state.get(first));
    }

    /** Follows the getters; {@link io.triggercache.Change#UNKNOWN} met anywhere along the way is the result. */
    private Object follow(Object value) {
        MethodHandle[] hs = rest;
        for (int i = 0; i < hs.length && value != null && value != io.triggercache.Change.UNKNOWN; i++) {
            try {
                value = hs[i].invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("property path \"" + text + "\" failed", t);
            }
        }
        if (each == null || value == null || value == io.triggercache.Change.UNKNOWN) {
            return value;
        }
        java.util.List<Object> out = new java.util.ArrayList<>();
        Iterable<?> elements = value instanceof java.util.Map<?, ?> map ? map.values()
                : value instanceof Object[] array ? java.util.Arrays.asList(array) : (Iterable<?>) value;
        for (Object element : elements) {
            Object v = each.follow(element);
            if (v == io.triggercache.Change.UNKNOWN) {
                return v;
            }
            if (v instanceof Many many) {
                out.addAll(many.values());
            } else {
                out.add(v);
            }
        }
        return new Many(out);
    }

    @Override
    public String toString() {
        return text;
    }
}
