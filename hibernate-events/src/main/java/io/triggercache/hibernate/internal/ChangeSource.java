package io.triggercache.hibernate.internal;

import io.triggercache.spi.ViewClock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.triggercache.Change;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ChangeSinks;
import io.triggercache.spi.TransactionChanges;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;

/**
 * The change source of one session factory: finds its {@link ChangeSink}, knows its entities and tables, and
 * routes each change to the right transaction (or reports it at once outside any).
 *
 * <p>Public only so that the integrator in the parent package can install it; not an API. Thread-safe.
 */
public final class ChangeSource {

    /** Hibernate setting naming the per-session listener class ({@code AvailableSettings.AUTO_SESSION_EVENTS_LISTENER}). */
    static final String AUTO_SESSION_LISTENER = "hibernate.session.events.auto";
    /** Hibernate setting naming the statement inspector ({@code AvailableSettings.STATEMENT_INSPECTOR}). */
    static final String STATEMENT_INSPECTOR = "hibernate.session_factory.statement_inspector";

    private static final long SINK_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Map<SessionFactoryImplementor, ChangeSource> INSTALLED = new ConcurrentHashMap<>();

    private final SessionFactoryImplementor factory;
    private final String name;
    private final boolean jta;
    private final boolean activityInstalled;

    private volatile ChangeSink sink;
    private volatile long nextLookup;
    private volatile boolean missLogged;
    private volatile FlushBarrier barrier;
    private volatile TransactionManager transactionManager;

    private final ConcurrentHashMap<String, EntityMetadata> entities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CollectionMetadata> collections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SharedSessionContractImplementor, SessionTransaction> sessions = new ConcurrentHashMap<>();
    private volatile Map<String, Set<Class<?>>> typesByTable;
    /** The bulk writes of each entity class written in bulk (see {@link BulkWrites}); empty until the first. */
    private final ConcurrentHashMap<Class<?>, BulkWrites> bulkWrites = new ConcurrentHashMap<>();

    private ChangeSource(SessionFactoryImplementor factory) {
        this.factory = factory;
        this.name = factory.getName() != null ? factory.getName() : factory.getUuid();
        TransactionCoordinatorBuilder tcb = factory.getServiceRegistry().getService(TransactionCoordinatorBuilder.class);
        this.jta = tcb != null && tcb.isJta();
        Object auto = factory.getProperties().get(AUTO_SESSION_LISTENER);
        this.activityInstalled = auto != null && SessionActivity.class.getName().equals(auto.toString().trim());
        if (auto != null && !activityInstalled) {
            Log.sessionListenerTaken(name, auto.toString());
        }
    }

    /**
     * Registers the listeners on {@code factory}, unless {@value TriggerCacheSettings#ENABLED} is false: then, if a
     * sink can be found already (the {@value TriggerCacheSettings#SINK} property, or {@link ChangeSinks}) and it
     * watches any of {@code mapped}, logs an error (TCHIB007) naming them: their triggers would never fire for
     * this unit.
     */
    public static void install(SessionFactoryImplementor factory, java.util.Collection<Class<?>> mapped) {
        if (!enabled(factory.getProperties().get(TriggerCacheSettings.ENABLED))) {
            disabled(factory, mapped);
            return;
        }
        install(factory);
    }

    private static void disabled(SessionFactoryImplementor factory, java.util.Collection<Class<?>> mapped) {
        Object property = factory.getProperties().get(TriggerCacheSettings.SINK);
        ChangeSink sink = property instanceof ChangeSink s ? s : null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (sink == null && context != null) {
            sink = ChangeSinks.find(context);
        }
        for (java.util.Iterator<Class<?>> it = mapped.iterator(); sink == null && it.hasNext(); ) {
            ClassLoader l = it.next().getClassLoader();
            sink = l == null ? null : ChangeSinks.find(l);
        }
        if (sink == null) {
            return; // a CDI sink is not reachable this early: the extension checked persistence.xml at deployment (PersistenceUnits)
        }
        java.util.List<String> watched = new java.util.ArrayList<>();
        for (Class<?> type : mapped) {
            if (sink.watches(type)) {
                watched.add(type.getName());
            }
        }
        if (!watched.isEmpty()) {
            Log.disabledWithTriggers(factory.getName() != null ? factory.getName() : factory.getUuid(),
                    TriggerCacheSettings.ENABLED, watched);
        }
    }

    /** Registers the listeners on {@code factory}, unless {@value TriggerCacheSettings#ENABLED} is false. */
    public static void install(SessionFactoryImplementor factory) {
        if (!enabled(factory.getProperties().get(TriggerCacheSettings.ENABLED))) {
            return;
        }
        ChangeSource source = new ChangeSource(factory);
        INSTALLED.put(factory, source);
        ChangeListener listener = new ChangeListener(source);
        EventListenerRegistry registry = factory.getEventEngine().getListenerRegistry();
        registry.appendListeners(EventType.PRE_INSERT, listener);
        registry.appendListeners(EventType.PRE_UPDATE, listener);
        registry.appendListeners(EventType.PRE_DELETE, listener);
        registry.appendListeners(EventType.PRE_UPSERT, listener);
        registry.appendListeners(EventType.PRE_COLLECTION_RECREATE, listener);
        registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, listener);
        registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, listener);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
        registry.appendListeners(EventType.POST_UPSERT, listener);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
        registry.appendListeners(EventType.AUTO_FLUSH, listener);
        FlushBarrier barrier = new FlushBarrier(source);
        source.barrier = barrier;
        registry.appendListeners(EventType.PERSIST, barrier);
        registry.appendListeners(EventType.MERGE, barrier);
        registry.appendListeners(EventType.DELETE, barrier);
        registry.appendListeners(EventType.POST_LOAD, barrier);
        registry.appendListeners(EventType.LOAD, barrier);
        registry.appendListeners(EventType.CLEAR, barrier);
        if (factory.getProperties().get(TriggerCacheSettings.SINK) instanceof ChangeSink) {
            // a sink given with the properties is safe to take now (a CDI lookup waits for the first event), so
            // that the barrier serves readsSince() before any thread of this factory wrote anything
            source.sink();
        }

        StatementInspector inspector = factory.getSessionFactoryOptions().getStatementInspector();
        if (inspector instanceof DmlInspector) {
            ((DmlInspector) inspector).bind(source);
        } else {
            Log.inspectorMissing(source.name);
        }
    }

    /** Detaches the statement inspector and forgets the factory's state. */
    public static void uninstall(SessionFactoryImplementor factory) {
        ChangeSource source = INSTALLED.remove(factory);
        if (source == null) {
            return;
        }
        StatementInspector inspector = factory.getSessionFactoryOptions().getStatementInspector();
        if (inspector instanceof DmlInspector) {
            ((DmlInspector) inspector).unbind(source);
        }
        source.sessions.clear();
        if (source.barrier != null) {
            source.barrier.unregister();
        }
        source.sink = null;
    }

    static boolean enabled(Object setting) {
        return setting == null || !"false".equalsIgnoreCase(setting.toString().trim());
    }

    boolean jta() {
        return jta;
    }

    /**
     * The JTA transaction of the calling thread ({@code TransactionManager.getTransaction()} through the factory's
     * {@code JtaPlatform}), or {@code null} when resource-local, when there is none, or when it cannot be read.
     */
    Object currentJtaTransaction() {
        if (!jta) {
            return null;
        }
        TransactionManager tm = transactionManager;
        if (tm == null) {
            JtaPlatform platform = factory.getServiceRegistry().getService(JtaPlatform.class);
            tm = platform == null ? null : platform.retrieveTransactionManager();
            if (tm == null) {
                return null;
            }
            transactionManager = tm;
        }
        try {
            return tm.getTransaction();
        } catch (SystemException | RuntimeException e) {
            return null;
        }
    }

    // ---- the sink -------------------------------------------------------------------------------------------

    /** The sink, or {@code null} when none is found (then nothing is reported; looked up again at most once a second). */
    ChangeSink sink() {
        ChangeSink s = sink;
        return s != null ? s : lookUpSink();
    }

    private ChangeSink lookUpSink() {
        long now = System.nanoTime();
        if (nextLookup != 0 && now - nextLookup < 0) {
            return null;
        }
        synchronized (this) {
            if (sink != null) {
                return sink;
            }
            ChangeSink found = SinkLocator.locate(factory, name);
            if (found == null) {
                nextLookup = System.nanoTime() + SINK_RETRY_NANOS;
                if (!missLogged) {
                    missLogged = true;
                    Log.noSink(name);
                }
                return null;
            }
            sink = found;
            if (barrier != null) {
                barrier.register(found);
            }
            return found;
        }
    }

    // ---- metadata ---------------------------------------------------------------------------------------------

    EntityMetadata entity(EntityPersister persister) {
        EntityMetadata m = entities.get(persister.getEntityName());
        return m != null ? m : entities.computeIfAbsent(persister.getEntityName(),
                n -> new EntityMetadata(persister, factory.getMappingMetamodel()));
    }

    EntityPersister entityPersister(String entityName) {
        return factory.getMappingMetamodel().getEntityDescriptor(entityName);
    }

    CollectionMetadata collection(String role) {
        CollectionMetadata m = collections.get(role);
        return m != null ? m : collections.computeIfAbsent(role,
                r -> new CollectionMetadata(factory.getMappingMetamodel().getCollectionDescriptor(r)));
    }

    /** The entity classes whose rows live in (or whose collections are stored in) each normalized table. */
    private Map<String, Set<Class<?>>> typesByTable() {
        Map<String, Set<Class<?>>> index = typesByTable;
        if (index == null) {
            Map<String, Set<Class<?>>> built = new HashMap<>();
            factory.getMappingMetamodel().forEachEntityDescriptor(p -> {
                for (String space : p.getPropertySpaces()) {
                    built.computeIfAbsent(SqlTables.normalize(space), t -> new LinkedHashSet<>()).add(p.getMappedClass());
                }
            });
            factory.getMappingMetamodel().forEachCollectionDescriptor(c -> {
                Class<?> owner = c.getOwnerEntityPersister().getMappedClass();
                for (String space : c.getCollectionSpaces()) {
                    built.computeIfAbsent(SqlTables.normalize(space), t -> new LinkedHashSet<>()).add(owner);
                }
            });
            built.replaceAll((t, types) -> Collections.unmodifiableSet(types));
            index = Collections.unmodifiableMap(built);
            typesByTable = index;
        }
        return index;
    }

    /** The watched entity classes stored in {@code tables} (normalized names; unknown ones are ignored). */
    Set<Class<?>> watchedTypes(Iterable<String> tables, ChangeSink sink) {
        Map<String, Set<Class<?>>> index = typesByTable();
        Set<Class<?>> types = null;
        for (String table : tables) {
            Set<Class<?>> mapped = index.get(table);
            if (mapped == null) {
                continue;
            }
            for (Class<?> type : mapped) {
                if (sink.watches(type)) {
                    if (types == null) {
                        types = new LinkedHashSet<>();
                    }
                    types.add(type);
                }
            }
        }
        return types == null ? Collections.emptySet() : types;
    }

    // ---- routing ----------------------------------------------------------------------------------------------

    /**
     * Reports an entity change of {@code session}: into its transaction when one is in progress, else at once.
     * {@code session} is null for a Hibernate 6.6 StatelessSession event (see {@link SessionActivity}).
     */
    void changed(SharedSessionContractImplementor session, ChangeSink sink, Change change, Object insertedEntity) {
        if (session == null) {
            SessionActivity activity = currentActivity();
            SharedSessionContractImplementor bound = activity == null ? null : activity.boundSession();
            if (bound != null) {
                changed(bound, sink, change, null);
            } else if (activity != null) {
                activity.changed(sink, change, activity.knownInTransaction(this));
            } else {
                sink.changedNow(change);
            }
        } else {
            SessionTransaction tx = null;
            if (session.isTransactionInProgress()) {
                tx = transaction(session, sink);
                tx.changes().add(change);
            } else {
                sink.changedNow(change);
            }
            if (insertedEntity != null && session.isEventSource()) {
                // remembered so that creating its collections, later in the flush, is not reported again
                (tx != null ? tx : transaction(session, sink)).inserted(insertedEntity);
            }
        }
    }

    /**
     * Remembers {@code state} of an unversioned entity written by {@code session} (see {@link RecentCommits}): when
     * its transaction commits, or now outside one.
     */
    void written(SharedSessionContractImplementor session, EntityMetadata m, Object id, Object[] state) {
        if (m.recent == null || state == null) {
            return;
        }
        if (session == null) {
            // a Hibernate 6.6 StatelessSession event carries no session, so its commit is not seen: remember the state
            // now; should it roll back, a later write is taken for a lost update and drops one group too many
            m.recent.committed(id, m.committedCopy(state), ViewClock.now());
            return;
        }
        if (session.isTransactionInProgress()) {
            SessionTransaction tx = sessions.get(session);
            if (tx != null) {
                tx.written(m, id, state);
            }
        } else {
            m.recent.committed(id, m.committedCopy(state), ViewClock.now());
        }
    }

    /**
     * The states of an unversioned entity that a write of {@code session}, which {@code loaded} another state,
     * overwrites (a lost update): the last committed, and those written by other transactions not yet completed
     * (see {@link RecentCommits}), each unless equal to {@code loaded} or to one before it. Possibly empty.
     */
    java.util.List<Object[]> overwritten(SharedSessionContractImplementor session, EntityMetadata m, Object id, Object[] loaded) {
        if (m.recent == null || loaded == null) {
            return java.util.List.of();
        }
        java.util.List<Object[]> states = m.recent.overwritable(id, existingTransaction(session), ViewClock.now());
        if (states.isEmpty()) {
            return states;
        }
        java.util.List<Object[]> differing = new java.util.ArrayList<>(states.size());
        for (Object[] state : states) {
            if (m.sameState(loaded, state)) {
                continue;
            }
            boolean seen = false;
            for (Object[] d : differing) {
                seen |= m.sameState(d, state);
            }
            if (!seen) {
                differing.add(state);
            }
        }
        return differing;
    }

    /** Reports rows of {@code types} changed by {@code session} (bulk DML), like {@link #changed}. */
    void bulkChanged(SharedSessionContractImplementor session, ChangeSink sink, Set<Class<?>> types) {
        if (session.isTransactionInProgress()) {
            SessionTransaction tx = transaction(session, sink);
            for (Class<?> type : types) {
                tx.changes().addBulk(type);
            }
            tx.bulkWritten(types);
        } else {
            bulkCommitted(types);
            for (Class<?> type : types) {
                sink.bulkChangedNow(type);
            }
        }
    }

    // ---- bulk writes under later entity writes (see BulkWrites) -----------------------------------------------

    /** {@code writer}'s transaction wrote rows of {@code types} in bulk; it has not completed. */
    void bulkWriting(Object writer, Set<Class<?>> types) {
        long now = ViewClock.now();
        for (Class<?> type : types) {
            bulkWrites.computeIfAbsent(type, t -> new BulkWrites()).writing(writer, now);
        }
    }

    /** Rows of {@code types} were written in bulk and committed (no transaction, or one that may have auto-committed). */
    void bulkCommitted(Set<Class<?>> types) {
        long now = ViewClock.now();
        for (Class<?> type : types) {
            bulkWrites.computeIfAbsent(type, t -> new BulkWrites()).committed(now);
        }
        forgetCommittedStates(types);
    }

    /**
     * The states remembered as last committed for entities of {@code types} (see {@link RecentCommits}) may be older
     * than what a bulk write committed: forgotten, the bulk write's time stands for them.
     */
    private void forgetCommittedStates(Set<Class<?>> types) {
        for (EntityMetadata m : entities.values()) {
            if (m.recent != null) {
                for (Class<?> type : types) {
                    if (type.isAssignableFrom(m.type)) {
                        m.recent.forgetCommitted();
                        break;
                    }
                }
            }
        }
    }

    /** {@code writer}'s transaction, which wrote rows of {@code types} in bulk, completed. */
    void bulkCompleted(Object writer, Set<Class<?>> types, boolean committed) {
        long now = ViewClock.now(); // after the commit: a view started before now may predate it
        for (Class<?> type : types) {
            BulkWrites b = bulkWrites.get(type);
            if (b != null) {
                b.completed(writer, committed, now);
            }
        }
        if (committed) {
            forgetCommittedStates(types);
        }
    }

    /**
     * Whether a write of an entity of {@code m} by {@code session} (null for a Hibernate 6.6 StatelessSession event)
     * may overwrite a state that another transaction's bulk write left and no event carried: a bulk write of its
     * class or a superclass completed after the session's view started, or is in flight.
     */
    boolean bulkMayBeOverwritten(SharedSessionContractImplementor session, EntityMetadata m) {
        if (bulkWrites.isEmpty()) {
            return false;
        }
        SessionActivity activity = session == null ? currentActivity() : SessionActivity.of(session);
        Object tx = existingTransaction(session);
        // no view known: the session may hold anything it read earlier
        long since = activity == null ? Long.MIN_VALUE : activity.since();
        long now = ViewClock.now();
        for (Class<?> t = m.type; t != null && t != Object.class; t = t.getSuperclass()) {
            BulkWrites b = bulkWrites.get(t);
            if (b != null && b.mayOverwrite(tx, activity, since, now)) {
                return true;
            }
        }
        return false;
    }

    /** A bulk statement left pending by the inspector, claimed by the session that prepares it. */
    void bulkOfActivity(SessionActivity activity, Set<Class<?>> types) {
        ChangeSink s = sink();
        if (s == null) {
            return;
        }
        SharedSessionContractImplementor bound = activity.boundSession();
        if (bound != null) {
            bulkChanged(bound, s, types);       // the session itself says whether it is in a transaction
            return;
        }
        boolean inTransaction = activity.knownInTransaction(this);
        for (Class<?> type : types) {
            activity.bulkChanged(s, type, inTransaction);
        }
        activity.bulkWritten(this, types, inTransaction);
    }

    /** Whether the calling thread has a JTA transaction that is active (or marked for rollback). */
    boolean jtaTransactionActive() {
        Object tx = currentJtaTransaction();
        if (!(tx instanceof jakarta.transaction.Transaction t)) {
            return false;
        }
        try {
            int status = t.getStatus();
            return status == jakarta.transaction.Status.STATUS_ACTIVE || status == jakarta.transaction.Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException | RuntimeException e) {
            return false;
        }
    }

    /** The session's tracker if it already has one. */
    SessionTransaction existingTransaction(SharedSessionContractImplementor session) {
        return session == null ? null : sessions.get(session);
    }

    /** The pending changes of the transaction {@code session} is in (tracked, and completed with it). */
    TransactionChanges transactionChanges(SharedSessionContractImplementor session, ChangeSink sink) {
        return transaction(session, sink).changes();
    }

    private SessionTransaction transaction(SharedSessionContractImplementor session, ChangeSink sink) {
        SessionTransaction tx = sessions.get(session);
        if (tx == null) {
            tx = new SessionTransaction(this, session, sink);
            SessionTransaction raced = sessions.putIfAbsent(session, tx);
            if (raced != null) {
                return raced;
            }
            session.getEventListenerManager().addListener(tx);
        }
        return tx;
    }

    void forget(SharedSessionContractImplementor session, SessionTransaction tx) {
        sessions.remove(session, tx);
    }

    private static SessionActivity currentActivity() {
        ThreadState state = ThreadState.peek();
        return state == null ? null : state.activity;
    }

    // ---- what the thread is executing -------------------------------------------------------------------------

    void entityWriteStarts(Set<String> tables) {
        ThreadState.get().entityWrite = tables;
    }

    void entityWriteEnds() {
        ThreadState state = ThreadState.peek();
        if (state != null && state.entityWrite != null) {
            state.entityWrite = null;
            state.dropIfEmpty();
        }
    }

    /** A {@code Session} auto-flushed before executing a query on {@code spaces}. */
    void queryStarts(SharedSessionContractImplementor session, Set<String> spaces) {
        if (sink() != null) {
            ThreadState.get().mark(this, session, spaces);
        }
    }

    /** Called by the statement inspector with each SQL statement about to be prepared by a session of this factory. */
    void statement(String sql) {
        ThreadState state = ThreadState.peek();
        SharedSessionContractImplementor marked = null;
        Set<String> markedSpaces = null;
        if (state != null) {
            if (state.pendingSource != null) {
                // the previous bulk statement was prepared by a session without SessionActivity: report it now
                ChangeSource unclaimed = state.pendingSource;
                Set<Class<?>> types = state.pendingTypes;
                state.clearPending();
                unclaimed.bulkNow(types);
            }
            if (state.markSource != null) {
                if (state.markSource == this) {
                    marked = state.markSession;
                    markedSpaces = state.markSpaces;
                }
                state.clearMark();
            }
        }
        boolean writes = SqlTables.mayWrite(sql);
        if (!writes && (marked == null || !SqlTables.mayCall(sql))) {
            if (state != null) {
                state.dropIfEmpty();
            }
            return;
        }
        ChangeSink s = sink();
        if (s == null) {
            return;
        }
        Set<String> tables = writes ? SqlTables.written(sql) : Collections.emptySet();
        if (state != null && state.entityWrite != null && state.entityWrite.containsAll(tables) && !tables.isEmpty()) {
            return; // the statement of an entity insert, update or delete, reported by its post event
        }
        Set<String> all = tables;
        if (markedSpaces != null && !markedSpaces.isEmpty()) {
            all = new LinkedHashSet<>(tables);
            for (String space : markedSpaces) {
                all.add(SqlTables.normalize(space));
            }
        }
        Set<Class<?>> types = watchedTypes(all, s);
        if (types.isEmpty()) {
            return;
        }
        if (marked != null) {
            bulkChanged(marked, s, types);
        } else if (activityInstalled) {
            ThreadState.get().pending(this, types);
        } else {
            bulkNow(types);
        }
    }

    private void bulkNow(Set<Class<?>> types) {
        bulkCommitted(types);
        ChangeSink s = sink();
        if (s != null) {
            for (Class<?> type : types) {
                s.bulkChangedNow(type);
            }
        }
    }

    /** The property names of collection roles, and the tables their statements write. */
    static final class CollectionMetadata {
        /** The owner's top-level property holding the collection (the embeddable's, for one inside an embeddable). */
        final String property;
        /** The path from that property to the collection inside embeddables, e.g. {@code [legs]}; empty at top level. */
        final String[] inside;
        /** The dirty properties of the owner's change: the top-level property, and the full path when nested. */
        final Set<String> dirty;
        final Set<String> tables;

        CollectionMetadata(CollectionPersister persister) {
            String role = persister.getRole();
            String declaring = persister.getOwnerEntityPersister().getEntityName();
            String path = role.startsWith(declaring + ".")
                    ? role.substring(declaring.length() + 1)
                    : role.substring(role.lastIndexOf('.') + 1);
            int dot = path.indexOf('.');
            this.property = dot < 0 ? path : path.substring(0, dot);
            this.inside = dot < 0 ? new String[0] : path.substring(dot + 1).split("\\.");
            this.dirty = dot < 0 ? Collections.singleton(property)
                    : Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(property, path)));
            Set<String> t = new LinkedHashSet<>();
            for (String space : persister.getCollectionSpaces()) {
                t.add(SqlTables.normalize(space));
            }
            this.tables = Collections.unmodifiableSet(t);
        }
    }
}
