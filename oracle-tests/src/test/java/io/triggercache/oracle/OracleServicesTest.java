package io.triggercache.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The oracle on the real services (-Pservices): PostgreSQL at 127.0.0.1:5432 under READ COMMITTED and under
 * REPEATABLE READ, and MariaDB at 127.0.0.1:3306 (InnoDB, REPEATABLE READ), {@code oracle.seconds} each (60 in
 * -Pservices). Every run must find 0 stale reads. Report: target/oracle-report-services.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OracleServicesTest {

    private static long checked;

    @BeforeAll
    static void header() {
        OracleReport.begin("triggercache oracle, services (PostgreSQL READ COMMITTED and REPEATABLE READ, MariaDB)");
    }

    @Test
    @Order(1)
    void randomOperations_onPostgresReadCommitted_neverServeAStaleRead() throws Exception {
        check(OracleDatabase.POSTGRES_READ_COMMITTED);
    }

    @Test
    @Order(2)
    void randomOperations_onPostgresRepeatableRead_neverServeAStaleRead() throws Exception {
        check(OracleDatabase.POSTGRES_REPEATABLE_READ);
    }

    @Test
    @Order(3)
    void randomOperations_onMariaDb_neverServeAStaleRead() throws Exception {
        check(OracleDatabase.MARIADB);
    }

    @AfterAll
    static void total() {
        OracleReport.end(String.format("services total: %,d reads checked", checked));
    }

    private static void check(OracleDatabase db) throws Exception {
        Oracle.OracleRun run = Oracle.run(Oracle.Settings.of(db, 60));
        OracleReport.add(run);
        checked += run.checkedReads();

        assertThat(run.checkedReads()).as("reads checked").isGreaterThan(10_000);
        assertThat(run.commits).as("commits").isGreaterThan(100);
        assertThat(run.hits()).as("cache hits").isGreaterThan(0);
        assertThat(run.readErrors).as("exceptions from cached reads (see %s)", OracleReport.file()).isEmpty();
        assertThat(run.staleReads()).as("stale reads on %s (report: %s):%s", db, OracleReport.file(), run.staleSummary()).isZero();
    }
}
