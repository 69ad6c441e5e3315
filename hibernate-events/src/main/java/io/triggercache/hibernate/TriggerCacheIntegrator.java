package io.triggercache.hibernate;

import io.triggercache.hibernate.internal.ChangeSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * The Hibernate ORM {@link Integrator} that makes a session factory report its changes to triggercache.
 *
 * <p>Found by {@link java.util.ServiceLoader}: having the jar on the class path (or in the WAR) is enough.
 * For each session factory it registers listeners for entity inserts, updates, deletes and upserts and
 * for collection changes; they turn every flushed write into an {@link io.triggercache.Change} and hand it
 * to the deployment's {@link io.triggercache.spi.ChangeSink}, inside the session's transaction (applied
 * after commit) or at once outside any transaction. Bulk DML is reported through a statement inspector
 * that a service contributor of this module installs. See {@link TriggerCacheSettings} for the options.
 *
 * <p>Thread-safe; Hibernate creates one instance per bootstrap.
 */
public final class TriggerCacheIntegrator implements Integrator {

    /** Creates the integrator; called by {@link java.util.ServiceLoader}. */
    public TriggerCacheIntegrator() {
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        java.util.List<Class<?>> mapped = new java.util.ArrayList<>();
        for (org.hibernate.mapping.PersistentClass c : metadata.getEntityBindings()) {
            try {
                if (c.getMappedClass() != null) {
                    mapped.add(c.getMappedClass());
                }
            } catch (RuntimeException e) {
                // a dynamic-map entity has no class: no trigger can name it
            }
        }
        ChangeSource.install(sessionFactory, mapped);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        ChangeSource.uninstall(sessionFactory);
    }
}
