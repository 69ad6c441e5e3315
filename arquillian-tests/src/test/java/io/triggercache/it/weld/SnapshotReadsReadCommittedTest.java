package io.triggercache.it.weld;

import java.sql.Connection;
import java.util.Map;

/** The snapshot stories under READ COMMITTED: only the persistence context holds an older view. */
class SnapshotReadsReadCommittedTest extends SnapshotReadStories {

    @Override
    int isolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    Map<String, Object> persistenceProperties() {
        return Map.of("hibernate.connection.isolation", Connection.TRANSACTION_READ_COMMITTED);
    }
}
