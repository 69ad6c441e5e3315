package io.triggercache;

import java.util.Set;

/**
 * One change seen inside a transaction: an entity inserted, updated or deleted, or an
 * application event fired (see {@link Trigger#event()}).
 *
 * <p>A change carries the state before and after it, readable by property name, so that
 * {@linkplain SuffixFunction suffix functions} and {@linkplain Checker checkers} can compute the
 * groups it affects and decide whether it matters. Instances are created by change sources and are
 * only valid during the call that receives them; do not keep them.
 *
 * <p>Thread-safety: a change is used by one thread at a time (the one flushing the transaction).
 */
public interface Change {

    /**
     * The value a {@link State} gives for a property whose value the source does not know: the old elements of
     * a collection replaced without ever having been loaded, an unfetched lazy attribute, any property of the
     * old state of an update made without it (a {@code StatelessSession} or detached update, an upsert). It is
     * never a real value: a trigger whose suffix path meets it cannot tell the group, so it drops every group of
     * its method. A {@link SuffixFunction} should return {@link SuffixFunction#ALL_GROUPS} for it, and a
     * {@link Checker} should treat it as "may have been anything".
     */
    Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    /** The entity class (or, for an application event, the event's class). Never null. */
    Class<?> type();

    /**
     * The entity event, or {@code null} for an application event fired through CDI.
     */
    EntityEvent event();

    /** The entity identifier, or {@code null} when the source does not know it (application events). */
    Object id();

    /**
     * The state before the change: present for {@link EntityEvent#UPDATE} and {@link EntityEvent#DELETE}
     * (for a delete, the state at deletion); {@code null} for an insert and for application events.
     * Where a source cannot see the old state of an update (a {@code StatelessSession} or detached update, an
     * upsert), this is a state whose properties read {@link #UNKNOWN} (the identifier excepted, when known),
     * so that every group the entity could have been in is dropped.
     */
    State before();

    /** The state after the change: present for inserts, updates and application events; {@code null} for a delete. */
    State after();

    /**
     * The properties this change may have modified. For inserts, deletes and application events, and
     * for updates whose source cannot tell which properties changed, this is every property.
     */
    Set<String> dirtyProperties();

    /** The properties of one side of a change, readable by name. */
    interface State {

        /**
         * The value of a top-level property of this state (an entity attribute such as {@code "post"},
         * or a property of an application event).
         *
         * @return the value, or {@link Change#UNKNOWN} when the source does not know it
         * @throws IllegalArgumentException if the type has no such property
         */
        Object get(String property);

        /**
         * The object this state was read from, when the source has it (the entity instance of the new
         * state, the event object); {@code null} for an old state, which exists only as values.
         */
        Object object();
    }
}
