package io.triggercache.hibernate;

/** The change source on H2 (in memory). */
class H2ChangeSourceTest extends AbstractChangeSourceTest {

    @Override
    Database database() {
        return Database.h2();
    }
}
