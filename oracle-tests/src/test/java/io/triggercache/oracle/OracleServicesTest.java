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
 * REPEATABLE READ, and MariaDB at 127.0.0.1:3306 (InnoDB, REPEATABLE READ), each until it has checked its share of
 * {@code oracle.target.reads} per database, at most {@code oracle.seconds} (see {@link #check}). Every run must find 0 stale reads. Report: target/oracle-report-services.txt.
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

    private static int databases;

    /**
     * Runs the oracle on {@code db}. With {@code oracle.target.reads} set (340,000 in -Pservices), each database runs
     * until the services together have checked that many reads per database so far (a fast one leaves less to
     * the next), at most {@code oracle.seconds} (150 in -Pservices).
     */
    private static void check(OracleDatabase db) throws Exception {
        Oracle.Settings s = Oracle.Settings.of(db, 60);
        databases++;
        if (s.targetReads() > 0) {
            long left = Math.max(s.targetReads() * databases - checked, Math.max(s.targetReads() / 4, 20_000));
            s = new Oracle.Settings(s.database(), s.seconds(), s.threads(), s.seed(), left);
        }
        Oracle.OracleRun run = Oracle.run(s);
        OracleReport.add(run);
        checked += run.checkedReads();

        assertThat(run.checkedReads()).as("reads checked").isGreaterThan(10_000);
        assertThat(run.commits).as("commits").isGreaterThan(100);
        assertThat(run.hits()).as("cache hits").isGreaterThan(0);
        assertThat(run.readErrors).as("exceptions from cached reads (see %s)", OracleReport.file()).isEmpty();
        assertThat(run.staleReads()).as("stale reads on %s (report: %s):%s", db, OracleReport.file(), run.staleSummary()).isZero();
    }
}
