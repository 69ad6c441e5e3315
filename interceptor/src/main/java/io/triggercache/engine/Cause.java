package io.triggercache.engine;

import io.triggercache.CacheInspector;
import io.triggercache.Change;
import io.triggercache.EntityEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a group (or a whole method) is pending a drop: the change and the trigger that matched it, or the hand-reported
 * write. Kept with the transaction's pending drops and turned into an {@link CacheInspector.Drop} once applied.
 * Holds no entity instance: the type, the identifier and the names of the dirty properties only. Immutable.
 */
final class Cause {

    final CacheInspector.Source source;
    /** The trigger that fired; null for a hand-reported drop. */
    final CompiledTrigger trigger;
    /** The changed entity type, the event type, or null for an {@code Invalidator} call. */
    final Class<?> type;
    final Object id;
    final EntityEvent event;
    /** The dirty properties of an update; null otherwise. */
    final Set<String> dirty;
    /** Free text: the caller of an {@code Invalidator} call, why a trigger dropped the whole method. */
    final String detail;

    private Cause(CacheInspector.Source source, CompiledTrigger trigger, Class<?> type, Object id, EntityEvent event,
                  Set<String> dirty, String detail) {
        this.source = source;
        this.trigger = trigger;
        this.type = type;
        this.id = id;
        this.event = event;
        this.dirty = dirty;
        this.detail = detail;
    }

    static Cause of(Change change, CompiledTrigger trigger, String detail) {
        EntityEvent event = change.event();
        Set<String> dirty = event == EntityEvent.UPDATE ? Set.copyOf(change.dirtyProperties()) : null;
        return new Cause(event == null ? CacheInspector.Source.EVENT : CacheInspector.Source.ENTITY, trigger,
                change.type(), change.id(), event, dirty, detail);
    }

    /** The same change, fired by {@code other}: shares this cause's facts (no copy of the dirty properties). */
    Cause withTrigger(CompiledTrigger other) {
        return other == trigger ? this : new Cause(source, other, type, id, event, dirty, detail);
    }

    static Cause bulk(Class<?> type, CompiledTrigger trigger) {
        return new Cause(CacheInspector.Source.BULK, trigger, type, null, null, null, "bulk DML on " + type.getSimpleName());
    }

    static Cause invalidator(String call) {
        return new Cause(CacheInspector.Source.INVALIDATOR, null, null, null, null, null, call + " from " + caller());
    }

    private static final Set<String> LIBRARY_FRAMES = Set.of(Cause.class.getName(), WritePath.class.getName(),
            TriggerCacheEngine.class.getName());

    /** The first frame outside the library: who called the {@code Invalidator}. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !LIBRARY_FRAMES.contains(f.getClassName())
                        && !f.getClassName().startsWith("io.triggercache.cdi.")
                        && !f.getClassName().contains("$Proxy$") && !f.getClassName().contains("$$"))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("an unknown caller"));
    }

    /**
     * The change in one line, with the group it dropped: {@code Comment#7 UPDATE [text] (post.id) -> group [42]}.
     *
     * @param group the group dropped, or null for the whole method
     */
    String describe(List<?> group) {
        StringBuilder s = new StringBuilder();
        switch (source) {
            case ENTITY -> {
                s.append(type.getSimpleName()).append('#').append(id).append(' ').append(event);
                if (dirty != null) {
                    s.append(' ').append(new TreeSet<>(dirty));
                }
            }
            case EVENT -> s.append("event ").append(type.getSimpleName());
            case BULK, INVALIDATOR -> s.append(detail);
        }
        if (trigger != null && trigger.suffixText != null) {
            s.append(" (").append(trigger.suffixText).append(')');
        }
        s.append(group == null ? " -> the whole method" : " -> group " + group);
        if (group == null && detail != null && source != CacheInspector.Source.BULK && source != CacheInspector.Source.INVALIDATOR) {
            s.append(" (").append(detail).append(')');
        }
        return s.toString();
    }
}
