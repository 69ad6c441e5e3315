package io.triggercache.it.weld;

import io.triggercache.it.blog.Databases;
import java.sql.Connection;
import java.util.Map;

/**
 * The snapshot stories under REPEATABLE READ: a transaction reads the snapshot of its first statement. On
 * MariaDB the isolation is left at InnoDB's default, which is this one.
 */
class SnapshotReadsRepeatableReadTest extends SnapshotReadStories {

    @Override
    int isolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    Map<String, Object> persistenceProperties() {
        return Databases.current() == Databases.MARIADB
                ? Map.of()
                : Map.of("hibernate.connection.isolation", Connection.TRANSACTION_REPEATABLE_READ);
    }
}
