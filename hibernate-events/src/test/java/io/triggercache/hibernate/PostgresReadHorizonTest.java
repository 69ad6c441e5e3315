package io.triggercache.hibernate;

import org.junit.jupiter.api.Tag;

/** The read horizon on PostgreSQL at 127.0.0.1:5432 (run with {@code -Pservices}); one new schema per run. */
@Tag("postgres")
class PostgresReadHorizonTest extends AbstractReadHorizonTest {

    @Override
    Database database() {
        return Database.postgres();
    }
}
