package io.triggercache.jpa;

import io.triggercache.jpa.internal.JpaChangeSource;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The portable change source: a JPA entity listener that reports every insert, update and delete of the
 * persistence unit's entities to triggercache, for JPA providers without Hibernate ORM's event system (EclipseLink
 * on Payara and GlassFish, OpenJPA).
 *
 * <p>Register it for every entity as a default entity listener, by adding the mapping file this jar ships to the
 * persistence unit:
 *
 * <pre>{@code
 * <persistence-unit name="blog" transaction-type="JTA">
 *   <mapping-file>META-INF/triggercache-orm.xml</mapping-file>
 *   ...
 * }</pre>
 *
 * or, if the unit already has an {@code orm.xml} with {@code <persistence-unit-defaults>}, by naming this class in
 * its {@code <entity-listeners>}.
 *
 * <p>What it reports: {@code @PostPersist} is an {@code INSERT}, {@code @PostUpdate} an {@code UPDATE} and
 * {@code @PostRemove} a {@code DELETE}. JPA shows a listener only the entity as it is now, so the old state of an
 * update or delete is a snapshot taken in {@code @PostLoad} (and after each reported write); dirty properties are
 * found by comparing it with the entity. Inside a JTA transaction the changes are dropped after the commit (through
 * the {@code TransactionSynchronizationRegistry}), and not at all after a rollback. What it cannot see: bulk JPQL
 * and native DML (report them with {@link JpaChanges#bulkChanged(Class)}), in-place changes of collections,
 * embeddables and mutable values in the old state, and writes made by the database itself. See
 * {@code docs/servers.md}.
 *
 * <p>On Hibernate ORM it does nothing: the Hibernate change source in this jar reports the same writes, with their
 * true old state.
 *
 * <p>The provider creates the instances; each belongs to one persistence unit. Thread-safe.
 */
public class TriggerCacheEntityListener {

    private volatile JpaChangeSource source;
    private volatile boolean idle;

    /** Created by the JPA provider. */
    public TriggerCacheEntityListener() {
    }

    @PostLoad
    void postLoad(Object entity) {
        JpaChangeSource s = source();
        if (s != null) {
            s.loaded(entity);
        }
    }

    @PostPersist
    void postPersist(Object entity) {
        JpaChangeSource s = source();
        if (s != null) {
            s.persisted(entity);
        }
    }

    @PostUpdate
    void postUpdate(Object entity) {
        JpaChangeSource s = source();
        if (s != null) {
            s.updated(entity);
        }
    }

    @PostRemove
    void postRemove(Object entity) {
        JpaChangeSource s = source();
        if (s != null) {
            s.removed(entity);
        }
    }

    private JpaChangeSource source() {
        JpaChangeSource s = source;
        if (s != null || idle) {
            return s;
        }
        synchronized (this) {
            if (source == null && !idle) {
                if (calledByHibernate()) {
                    idle = true;
                    JpaChangeSource.logIdleOnHibernate();
                } else {
                    source = JpaChangeSource.inContainer();
                }
            }
            return source;
        }
    }

    private static boolean calledByHibernate() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("org.hibernate.")));
    }
}
