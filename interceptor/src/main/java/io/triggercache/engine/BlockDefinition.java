package io.triggercache.engine;

import io.triggercache.EntityEvent;
import io.triggercache.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A cached computation declared in code rather than by a {@code @Cached} method, such as a rendered template
 * fragment: its entries are keyed by values the caller passes, grouped by the first {@code groupParts} of them,
 * and dropped by its triggers and by the groups of every cached method its computation calls (I9).
 *
 * @param name       the base name of its entries, unique in the deployment (among methods too)
 * @param where      where it is declared, for error messages (a view id and tag location)
 * @param groupParts how many leading key values form the group that triggers' suffixes aim at (0: one group)
 * @param ttl        how long an entry lives, or {@link Duration#ZERO} for no limit
 * @param triggers   its explicit triggers ({@link #trigger} builds them); their suffixes must yield the group values
 */
public record BlockDefinition(String name, String where, int groupParts, Duration ttl, List<Trigger> triggers) {

    /** @throws NullPointerException if a component is null; @throws IllegalArgumentException if groupParts is negative */
    public BlockDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(ttl, "ttl");
        triggers = List.copyOf(triggers);
        if (groupParts < 0) {
            throw new IllegalArgumentException("groupParts " + groupParts + " < 0");
        }
    }

    /** An entity trigger, as {@code @Trigger(entity = ..., on = ..., suffix = ...)} would declare it. */
    public static Trigger trigger(Class<?>[] entity, EntityEvent[] on, String[] suffix) {
        return new Triggers.Literal(entity.clone(), new Class<?>[0], on.clone(), suffix.clone());
    }

    /** An application-event trigger, as {@code @Trigger(event = ..., suffix = ...)} would declare it. */
    public static Trigger eventTrigger(Class<?>[] event, String[] suffix) {
        return new Triggers.Literal(new Class<?>[0], event.clone(), EntityEvent.values(), suffix.clone());
    }
}
