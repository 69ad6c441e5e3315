package io.triggercache.engine;

import io.triggercache.Change;
import io.triggercache.Checker;
import io.triggercache.EntityEvent;
import io.triggercache.SuffixFunction;
import java.util.List;
import java.util.Set;

/**
 * One {@code @Trigger}, compiled: its senders, the filters, and how it computes the group a change
 * affects. Immutable and thread-safe.
 */
final class CompiledTrigger {

    final CachedMethod target;
    /** Position in the method's triggers, from 1 (as in error messages). */
    final int position;
    final Class<?>[] senders;
    final boolean applicationEvent;
    private final boolean[] on = new boolean[EntityEvent.values().length];
    private final Set<String> properties;
    /** Per sender, the suffix paths; null when the trigger drops the whole method or uses a function. */
    private final PropertyPath[][] suffixPaths;
    private final SuffixFunction function;
    private final Checker checker;
    /** The suffix paths as declared ({@code post.id}), or the suffix function's name; null for a whole-method drop. */
    final String suffixText;
    /** The trigger in one line: {@code Comment INSERT|UPDATE|DELETE -> group post.id}. */
    final String description;

    CompiledTrigger(CachedMethod target, int position, Class<?>[] senders, boolean applicationEvent, EntityEvent[] on,
                    Set<String> properties, PropertyPath[][] suffixPaths, SuffixFunction function, Checker checker) {
        this.target = target;
        this.position = position;
        this.senders = senders;
        this.applicationEvent = applicationEvent;
        for (EntityEvent e : on) {
            this.on[e.ordinal()] = true;
        }
        this.properties = Set.copyOf(properties);
        this.suffixPaths = suffixPaths;
        this.function = function;
        this.checker = checker;
        this.suffixText = suffixPaths != null && suffixPaths.length > 0
                ? java.util.Arrays.stream(suffixPaths[0]).map(p -> p.text).collect(java.util.stream.Collectors.joining(", "))
                : function != null ? "suffixFunction " + function.getClass().getSimpleName() : null;
        StringBuilder d = new StringBuilder();
        d.append(java.util.Arrays.stream(senders).map(Class::getSimpleName).collect(java.util.stream.Collectors.joining("|")));
        if (!applicationEvent) {
            d.append(' ').append(java.util.Arrays.stream(on).map(Enum::name).collect(java.util.stream.Collectors.joining("|")));
        } else {
            d.append(" event");
        }
        if (!this.properties.isEmpty()) {
            d.append(" properties ").append(new java.util.TreeSet<>(this.properties));
        }
        if (checker != null) {
            d.append(" if ").append(checker.getClass().getSimpleName());
        }
        d.append(suffixText == null ? " -> the whole method" : " -> group " + suffixText);
        this.description = d.toString();
    }

    boolean dropsWholeMethod() {
        return suffixPaths == null && function == null;
    }

    /** Whether the change passes the event, properties and checker filters. */
    boolean fires(Change change) {
        EntityEvent event = change.event();
        if (event != null) {
            if (!on[event.ordinal()]) {
                return false;
            }
            if (event == EntityEvent.UPDATE && !properties.isEmpty() && !anyDirty(change.dirtyProperties())) {
                return false;
            }
        }
        return checker == null || checker.test(change);
    }

    private boolean anyDirty(Set<String> dirty) {
        for (String p : properties) {
            if (dirty.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records the groups one state of the change belongs to.
     *
     * @param sender the index into {@link #senders} of the type the change matched
     * @return false if a suffix path met {@link Change#UNKNOWN}: the group cannot be told, nothing was recorded
     */
    boolean addGroups(Change change, Change.State state, int sender, PendingTransaction into, Cause cause) {
        if (function != null) {
            Object v = function.suffix(change, state);
            if (v instanceof SuffixFunction.Each each) {
                for (Object one : each.suffixes()) {
                    addFunctionGroup(one, into, cause);
                }
            } else {
                addFunctionGroup(v, into, cause);
            }
            return true;
        }
        PropertyPath[] paths = suffixPaths[sender];
        Object[] values = new Object[paths.length];
        boolean many = false;
        for (int i = 0; i < values.length; i++) {
            Object v = paths[i].evaluate(state);
            if (v == Change.UNKNOWN) {
                return false;
            }
            many |= v instanceof PropertyPath.Many;
            values[i] = v;
        }
        if (many) {
            addEach(values, 0, new Object[values.length], into, cause);
        } else {
            into.group(target, Groups.of(values), cause);
        }
        return true;
    }

    /** One group per combination of the values of paths through collections (a path per element). */
    private void addEach(Object[] values, int i, Object[] chosen, PendingTransaction into, Cause cause) {
        if (i == values.length) {
            into.group(target, Groups.of(chosen.clone()), cause);
            return;
        }
        if (values[i] instanceof PropertyPath.Many many) {
            for (Object v : many.values()) {
                chosen[i] = v;
                addEach(values, i + 1, chosen, into, cause);
            }
        } else {
            chosen[i] = values[i];
            addEach(values, i + 1, chosen, into, cause);
        }
    }

    private void addFunctionGroup(Object v, PendingTransaction into, Cause cause) {
        if (v == SuffixFunction.NO_GROUP) {
            return;
        }
        if (v == SuffixFunction.ALL_GROUPS) {
            into.whole(target, cause);
            return;
        }
        if (target.suffixParts.length > 1 && v instanceof List<?> list) {
            into.group(target, Groups.of(list.toArray()), cause);
        } else {
            into.group(target, Groups.of(v), cause);
        }
    }

    @Override
    public String toString() {
        return target.name + " trigger #" + position;
    }
}
