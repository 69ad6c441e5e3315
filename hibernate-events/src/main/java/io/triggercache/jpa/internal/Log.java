package io.triggercache.jpa.internal;

/** The messages of the portable JPA source, with their ids (prefix {@code TCJPA}); retired ids are never reused. */
final class Log {

    private static final System.Logger LOG = System.getLogger("io.triggercache.jpa");

    private Log() {
    }

    static void noSink(Class<?> entity) {
        LOG.log(System.Logger.Level.INFO, "TCJPA001: no triggercache ChangeSink found for " + entity.getName()
                + " (no CDI bean of type ChangeSink, nothing registered in ChangeSinks); the JPA entity listener reports no changes. "
                + "This is expected when the triggercache engine is not deployed; the lookup is retried at most once a second.");
    }

    static void onHibernate() {
        LOG.log(System.Logger.Level.INFO, "TCJPA002: io.triggercache.jpa.TriggerCacheEntityListener runs on Hibernate ORM, whose "
                + "writes the Hibernate change source (triggercache-hibernate) already reports with their old state and dirty properties; "
                + "the JPA entity listener stays idle.");
    }

    static void noTransactionRegistry(Throwable t) {
        LOG.log(System.Logger.Level.INFO, "TCJPA003: java:comp/TransactionSynchronizationRegistry is not available (" + t
                + "); until it is (the lookup is retried at most once a second), the JPA entity listener cannot see transactions, "
                + "so each change is applied when the provider reports it (at flush), before the commit.");
    }

    static void cannotRegister(Object transactionKey, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "TCJPA004: could not register for the completion of transaction " + transactionKey
                + " (" + e + "); its changes are applied now instead of after the commit, and would be applied even if it rolled back.");
    }
}
