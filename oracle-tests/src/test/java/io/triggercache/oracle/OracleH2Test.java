package io.triggercache.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The oracle in the default build: H2, six threads, {@code oracle.seconds} (15 by default) of random operations;
 * every checked cached read equals the same computation run uncached. Report: target/oracle-report.txt.
 */
class OracleH2Test {

    @Test
    void randomOperations_onH2_neverServeAStaleRead() throws Exception {
        OracleReport.begin("triggercache oracle, default build (H2)");
        Oracle.OracleRun run = Oracle.run(Oracle.Settings.of(OracleDatabase.H2, 15));
        OracleReport.add(run);

        assertThat(run.checkedReads()).as("reads checked").isGreaterThan(10_000);
        assertThat(run.commits).as("commits").isGreaterThan(100);
        assertThat(run.hits()).as("cache hits").isGreaterThan(0);
        assertThat(run.readErrors).as("exceptions from cached reads (see %s)", OracleReport.file()).isEmpty();
        assertThat(run.staleReads()).as("stale reads (report: %s):%s", OracleReport.file(), run.staleSummary()).isZero();
    }
}
