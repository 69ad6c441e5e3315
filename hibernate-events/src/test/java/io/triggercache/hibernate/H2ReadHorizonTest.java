package io.triggercache.hibernate;

/** The read horizon on H2 (in memory). */
class H2ReadHorizonTest extends AbstractReadHorizonTest {

    @Override
    Database database() {
        return Database.h2();
    }
}
