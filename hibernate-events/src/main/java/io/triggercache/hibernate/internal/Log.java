package io.triggercache.hibernate.internal;

import org.jboss.logging.Logger;

/** The messages of this module, with their ids (prefix {@code TCHIB}); retired ids are never reused. */
final class Log {

    static final Logger LOG = Logger.getLogger("io.triggercache.hibernate");

    private Log() {
    }

    static void noSink(String factory) {
        LOG.infof("TCHIB001: session factory %s: no triggercache ChangeSink found (no \"io.triggercache.sink\" property, "
                + "no CDI bean of type ChangeSink, nothing registered in ChangeSinks); changes are not reported. "
                + "This is expected when the triggercache engine is not deployed.", factory);
    }

    static void sinkFound(String factory, String how) {
        LOG.debugf("TCHIB002: session factory %s reports changes to the ChangeSink from %s", factory, how);
    }

    static void sessionListenerTaken(String factory, String other) {
        LOG.warnf("TCHIB003: session factory %s: hibernate.session.events.auto is already set to %s, so triggercache "
                + "cannot observe StatelessSession transactions and bulk DML outside a Session transaction. Their changes "
                + "are applied when executed, not after commit (a value read concurrently before the commit may stay cached). "
                + "Remove that setting or extend it to also call io.triggercache.hibernate.internal.SessionActivity.",
                factory, other);
    }

    static void inspectorMissing(String factory) {
        LOG.warnf("TCHIB004: session factory %s: the triggercache statement inspector is not installed (the service "
                + "registry was built without this module's ServiceContributor), so bulk HQL/Criteria/native DML does not "
                + "invalidate cached methods. Build the registry with StandardServiceRegistryBuilder#build or JPA bootstrap.",
                factory);
    }

    static void sinkLookupFailed(String factory, String how, Throwable t) {
        LOG.debugf(t, "TCHIB005: session factory %s: looking up the ChangeSink through %s failed", factory, how);
    }

    static void disabledWithTriggers(String factory, String setting, java.util.List<String> watched) {
        LOG.errorf("TCHIB007: session factory %s: the triggercache change source is switched off (%s=false), but cached "
                + "methods have triggers on its entities %s. Commits of this persistence unit will not drop their entries, "
                + "which stay stale. Fix: remove %s=false, or report this unit's writes through Invalidator and remove "
                + "those triggers", factory, setting, watched, setting);
    }

    static void sinkPropertyInvalid(String factory, Object value) {
        LOG.warnf("TCHIB006: session factory %s: property io.triggercache.sink is a %s, not an io.triggercache.spi.ChangeSink; "
                + "ignored", factory, value.getClass().getName());
    }
}
