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
    /** The declared type of the value at the end of the path. */
    final Class<?> type;

    private PropertyPath(String text, int parameter, String first, MethodHandle[] rest, Class<?> type) {
        this.text = text;
        this.parameter = parameter;
        this.first = first;
        this.rest = rest;
        this.type = type;
    }

    static PropertyPath overParameter(String text, int parameter, MethodHandle[] rest, Class<?> type) {
        return new PropertyPath(text, parameter, null, rest.length == 0 ? NONE : rest, type);
    }

    static PropertyPath overState(String text, String first, MethodHandle[] rest, Class<?> type) {
        return new PropertyPath(text, -1, first, rest.length == 0 ? NONE : rest, type);
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
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
