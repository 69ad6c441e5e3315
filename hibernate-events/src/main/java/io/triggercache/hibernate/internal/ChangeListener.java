package io.triggercache.hibernate.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import io.triggercache.spi.ChangeSink;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PostUpsertEvent;
import org.hibernate.event.spi.PostUpsertEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.event.spi.PreUpsertEvent;
import org.hibernate.event.spi.PreUpsertEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

/**
 * The event listeners of one session factory. The post events (fired at flush, inside the transaction, also
 * for a StatelessSession) become {@link Change changes}; the pre events delimit the statements of one entity
 * write so that the statement inspector does not take them for bulk DML; the auto-flush event announces a
 * query (see {@link ThreadState}).
 *
 * <p>Nothing is built for an entity type no trigger watches. Thread-safe (stateless apart from its source).
 */
final class ChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostUpsertEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener, PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener,
        PreUpsertEventListener, PreCollectionRecreateEventListener, PreCollectionUpdateEventListener,
        PreCollectionRemoveEventListener, AutoFlushEventListener {

    private static final long serialVersionUID = 1L;

    private final transient ChangeSource source;

    ChangeListener(ChangeSource source) {
        this.source = source;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    // ---- entity writes ------------------------------------------------------------------------------------------

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        entityWriteStarts(event.getPersister());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        entityWriteStarts(event.getPersister());
        return false;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        entityWriteStarts(event.getPersister());
        return false;
    }

    @Override
    public boolean onPreUpsert(PreUpsertEvent event) {
        entityWriteStarts(event.getPersister());
        return false;
    }

    private void entityWriteStarts(EntityPersister persister) {
        if (source.sink() != null) {
            source.entityWriteStarts(source.entity(persister).ownTables);
        }
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        source.entityWriteEnds();
        EntityPersister persister = event.getPersister();
        ChangeSink sink = watching(persister.getMappedClass());
        if (sink == null) {
            return;
        }
        EntityMetadata m = source.entity(persister);
        Object id = event.getId();
        Change change = new EntityChange(m.type, EntityEvent.INSERT, id, null,
                new PropertyState(m, id, event.getState(), event.getEntity()), m.allProperties);
        SharedSessionContractImplementor session = Events.session(event);
        source.changed(session, sink, change, event.getEntity());
        source.written(session, m, id, event.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        source.entityWriteEnds();
        EntityPersister persister = event.getPersister();
        ChangeSink sink = watching(persister.getMappedClass());
        if (sink == null) {
            return;
        }
        EntityMetadata m = source.entity(persister);
        Object id = event.getId();
        Object[] old = event.getOldState();
        Change change = new EntityChange(m.type, EntityEvent.UPDATE, id,
                old == null ? PropertyState.unknown(m, id) : new PropertyState(m, id, old, null),
                new PropertyState(m, id, event.getState(), event.getEntity()),
                dirty(m, event.getDirtyProperties()));
        SharedSessionContractImplementor session = Events.session(event);
        source.changed(session, sink, change, null);
        lostUpdate(session, sink, m, id, old, EntityEvent.UPDATE, change.after());
        source.written(session, m, id, event.getState());
    }

    /**
     * Without {@code @Version}, a write whose loaded state differs from the state last committed for the entity, or
     * from one another transaction wrote and has not completed yet (it loaded the entity before another transaction
     * committed a change to it) overwrites that change: each state it overwrote is reported as another old state of
     * this write. Whatever the versioning, a write that may overwrite a bulk write's result (see {@link BulkWrites})
     * also reports an unknown old state.
     */
    private void lostUpdate(SharedSessionContractImplementor session, ChangeSink sink, EntityMetadata m, Object id,
            Object[] loaded, EntityEvent event, Change.State after) {
        if (source.bulkMayBeOverwritten(session, m)) {
            // a bulk write changed rows of this type while the session's view was open: the state overwritten is
            // not known (see BulkWrites)
            source.changed(session, sink, new EntityChange(m.type, event, id, PropertyState.unknown(m, id), after,
                    m.allProperties), null);
        }
        for (Object[] overwritten : source.overwritten(session, m, id, loaded)) {
            source.changed(session, sink, new EntityChange(m.type, event, id, new PropertyState(m, id, overwritten, null),
                    after, m.allProperties), null);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        source.entityWriteEnds();
        EntityPersister persister = event.getPersister();
        ChangeSink sink = watching(persister.getMappedClass());
        if (sink == null) {
            return;
        }
        EntityMetadata m = source.entity(persister);
        Object id = event.getId();
        Object[] state = event.getDeletedState();
        if (state == null) {
            // a StatelessSession delete: the instance passed to delete() is the state at deletion
            state = persister.getValues(event.getEntity());
        }
        Change change = new EntityChange(m.type, EntityEvent.DELETE, id, new PropertyState(m, id, state, null), null,
                m.allProperties);
        SharedSessionContractImplementor session = Events.session(event);
        source.changed(session, sink, change, null);
        lostUpdate(session, sink, m, id, state, EntityEvent.DELETE, null);
    }

    /** A StatelessSession upsert inserted or updated the row: reported as both, the update without old state. */
    @Override
    public void onPostUpsert(PostUpsertEvent event) {
        source.entityWriteEnds();
        EntityPersister persister = event.getPersister();
        ChangeSink sink = watching(persister.getMappedClass());
        if (sink == null) {
            return;
        }
        EntityMetadata m = source.entity(persister);
        Object id = event.getId();
        PropertyState after = new PropertyState(m, id, event.getState(), event.getEntity());
        SharedSessionContractImplementor session = Events.session(event);
        source.changed(session, sink, new EntityChange(m.type, EntityEvent.INSERT, id, null, after, m.allProperties), null);
        source.changed(session, sink, new EntityChange(m.type, EntityEvent.UPDATE, id, PropertyState.unknown(m, id), after,
                dirty(m, event.getDirtyProperties())), null);
    }

    // ---- collections --------------------------------------------------------------------------------------------

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        collectionWriteStarts(event);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        collectionWriteStarts(event);
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        collectionWriteStarts(event);
    }

    private void collectionWriteStarts(AbstractCollectionEvent event) {
        SharedSessionContractImplementor session = Events.session(event);
        // a StatelessSession (Hibernate 7) writes collections inside the owner's write, already open
        if (session != null && source.sink() != null) {
            String role = role(session, event.getCollection());
            if (role != null) {
                source.entityWriteStarts(source.collection(role).tables);
            }
        }
    }

    /** The collection's role; a collection created in this session knows it only through its entry. */
    private static String role(SharedSessionContractImplementor session, PersistentCollection<?> collection) {
        CollectionEntry entry = session.getPersistenceContextInternal().getCollectionEntry(collection);
        if (entry != null) {
            CollectionPersister persister = entry.getCurrentPersister();
            if (persister == null) {
                persister = entry.getLoadedPersister();
            }
            if (persister != null) {
                return persister.getRole();
            }
        }
        return collection.getRole();
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        collectionChanged(event, Kind.RECREATE);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        collectionChanged(event, Kind.UPDATE);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        collectionChanged(event, Kind.REMOVE);
    }

    private enum Kind { RECREATE, UPDATE, REMOVE }

    /**
     * The owner's state before a collection change: its current values with the collection replaced by the
     * contents it had when loaded or last flushed (Hibernate's stored snapshot, still in place during the post
     * collection events), so that a trigger sees the elements that were removed, not only those that remain. A
     * collection inside an embeddable gives a copy of the embeddable holding the old contents. Contents never
     * loaded are {@link Change#UNKNOWN}, and so is an embeddable that cannot be copied.
     */
    private static Object[] before(EntityPersister persister, EntityMetadata m, Object[] values, ChangeSource.CollectionMetadata c,
            PersistentCollection<?> collection, Kind kind) {
        int p = m.position(c.property);
        if (p < 0) {
            return values;
        }
        Object[] before = values.clone();
        // a recreated collection is a new one (the one it replaced, if any, has its own removal, with its contents);
        // Hibernate has already taken its snapshot of the new contents when the post event fires
        Object old = kind == Kind.RECREATE ? empty(collection) : oldContents(collection);
        before[p] = c.inside.length == 0 ? old : withOld(persister.getPropertyType(c.property), values[p], c.inside, 0, old);
        return before;
    }

    /** A copy of {@code component} whose property at {@code path[i..]} holds {@code old}, or UNKNOWN. */
    private static Object withOld(Type type, Object component, String[] path, int i, Object old) {
        if (old == Change.UNKNOWN || !(type instanceof ComponentType ct)) {
            return Change.UNKNOWN;
        }
        try {
            int index = ct.getPropertyIndex(path[i]);
            Object[] values = component == null ? new Object[ct.getPropertyNames().length] : ct.getPropertyValues(component);
            values[index] = i == path.length - 1 ? old : withOld(ct.getSubtypes()[index], values[index], path, i + 1, old);
            if (values[index] == Change.UNKNOWN) {
                return Change.UNKNOWN;
            }
            java.lang.reflect.Constructor<?> constructor = ct.getReturnedClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            Object copy = constructor.newInstance();
            ct.setPropertyValues(copy, values);
            return copy;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no no-argument constructor (a record), or the old contents do not fit the field (a sorted set)
            return Change.UNKNOWN;
        }
    }

    private static Object empty(PersistentCollection<?> collection) {
        if (collection instanceof java.util.Set<?>) {
            return java.util.Collections.emptySet();
        }
        return collection instanceof java.util.Map<?, ?> ? java.util.Collections.emptyMap() : java.util.Collections.emptyList();
    }

    /** The stored snapshot as the collection type users see (a set, a list, a map), or UNKNOWN if never loaded. */
    private static Object oldContents(PersistentCollection<?> collection) {
        if (!collection.wasInitialized()) {
            return Change.UNKNOWN;                  // replaced or removed without being read: nothing is stored
        }
        java.io.Serializable snapshot = collection.getStoredSnapshot();
        if (snapshot == null) {                     // a new collection: it had no contents
            return empty(collection);
        }
        if (snapshot instanceof java.util.Map<?, ?> map) {
            if (collection instanceof java.util.Map<?, ?>) {
                return java.util.Collections.unmodifiableMap(map);
            }
            // PersistentSet keeps its snapshot as element -> element
            return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(map.values()));
        }
        if (snapshot instanceof java.util.Collection<?> c) {
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(c));
        }
        return snapshot;
    }

    /** A collection change is an UPDATE of its owner whose dirty property is the collection. */
    private void collectionChanged(AbstractCollectionEvent event, Kind kind) {
        SharedSessionContractImplementor session = Events.session(event);
        if (session == null) {
            // a StatelessSession (Hibernate 7) writes collections only as part of the owner's insert, update or
            // delete, whose own event reports every property as changed
            return;
        }
        source.entityWriteEnds();
        if (event.getAffectedOwnerEntityName() == null) {
            return;
        }
        EntityPersister persister = source.entityPersister(event.getAffectedOwnerEntityName());
        ChangeSink sink = watching(persister.getMappedClass());
        if (sink == null) {
            return;
        }
        String role = role(session, event.getCollection());
        if (role == null) {
            source.bulkChanged(session, sink, Collections.singleton(persister.getMappedClass()));
            return;
        }
        Object owner = event.getAffectedOwnerOrNull();
        if (owner == null) {
            ownerNotLoaded(event, kind, session, sink, persister, role);
            return;
        }
        if (kind == Kind.REMOVE && beingDeleted(session, owner)) {
            return; // part of the owner's delete, reported by its DELETE
        }
        if (kind == Kind.RECREATE) {
            SessionTransaction tx = source.existingTransaction(session);
            if (tx != null && tx.wasInserted(owner)) {
                return; // part of the owner's insert, reported by its INSERT
            }
        }
        EntityMetadata m = source.entity(persister);
        Object id = event.getAffectedOwnerIdOrNull();
        Object[] values = persister.getValues(owner);
        ChangeSource.CollectionMetadata c = source.collection(role);
        Change change = new EntityChange(m.type, EntityEvent.UPDATE, id,
                new PropertyState(m, id, before(persister, m, values, c, event.getCollection(), kind), null),
                new PropertyState(m, id, values, owner), c.dirty);
        source.changed(session, sink, change, null);
    }

    /**
     * A collection change whose owner is not loaded in the session: a collection instance moved to another owner
     * (a shared null-object embeddable whose list Hibernate wrapped for an earlier owner), whose rows under the
     * earlier owner's key are removed. A removal of a collection known to be empty changes no row and is not
     * reported; otherwise, with the owner's id known, an UPDATE of that id whose states are unknown apart from the
     * id (so a trigger grouped by the id drops exactly that group); else a bulk change of the owner's class.
     */
    private void ownerNotLoaded(AbstractCollectionEvent event, Kind kind, SharedSessionContractImplementor session,
            ChangeSink sink, EntityPersister persister, String role) {
        PersistentCollection<?> collection = event.getCollection();
        if (kind == Kind.REMOVE && collection.wasInitialized() && isEmpty(collection.getStoredSnapshot())) {
            return;
        }
        Object id = event.getAffectedOwnerIdOrNull();
        if (id == null) {
            source.bulkChanged(session, sink, Collections.singleton(persister.getMappedClass()));
            return;
        }
        EntityMetadata m = source.entity(persister);
        source.changed(session, sink, new EntityChange(m.type, EntityEvent.UPDATE, id, PropertyState.unknown(m, id),
                PropertyState.unknown(m, id), source.collection(role).dirty), null);
    }

    private static boolean isEmpty(java.io.Serializable snapshot) {
        return snapshot == null
                || snapshot instanceof java.util.Collection<?> c && c.isEmpty()
                || snapshot instanceof java.util.Map<?, ?> map && map.isEmpty();
    }

    private static boolean beingDeleted(SharedSessionContractImplementor session, Object owner) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
        return entry != null && (entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        source.queryStarts(Events.session(event), event.getQuerySpaces());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The sink if it watches {@code type}, else null: nothing is built for unwatched types. */
    private ChangeSink watching(Class<?> type) {
        ChangeSink sink = source.sink();
        return sink != null && sink.watches(type) ? sink : null;
    }

    private static Set<String> dirty(EntityMetadata m, int[] positions) {
        if (positions == null) {
            return m.allProperties;
        }
        if (positions.length == 1) {
            return Collections.singleton(m.names[positions[0]]);
        }
        Set<String> names = new LinkedHashSet<>(positions.length * 2);
        for (int p : positions) {
            names.add(m.names[p]);
        }
        return Collections.unmodifiableSet(names);
    }
}
