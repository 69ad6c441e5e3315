package io.triggercache;

/**
 * The kind of entity change a {@link Trigger} reacts to.
 *
 * <p>A change source (Hibernate ORM event listeners, JPA entity listeners) reports each flushed
 * insert, update and delete as a {@link Change} carrying one of these constants. A change to a
 * collection owned by an entity (a tag added to a post) is reported as an {@link #UPDATE} of the
 * owner whose dirty property is the collection.
 */
public enum EntityEvent {
    /** A new row: the entity was persisted. The change has an {@linkplain Change#after() after} state only. */
    INSERT,
    /** An existing row changed. The change has both states; {@link Change#dirtyProperties()} names what changed. */
    UPDATE,
    /** A row was removed. The change has a {@linkplain Change#before() before} state only: the state at deletion. */
    DELETE
}
