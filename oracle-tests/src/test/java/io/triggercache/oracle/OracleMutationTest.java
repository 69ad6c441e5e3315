package io.triggercache.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The oracle with one engine protection switched off ({@code -Dtriggercache.unsafe.disable=after-commit|tokens|moves|
 * unknown|snapshot}, one JVM per protection in -Poracle-mutations): it shows that the checker catches each one. It
 * counts stale reads and asserts none of them; it asserts only that the run checked reads.
 */
class OracleMutationTest {

    @Test
    void randomOperations_withOneProtectionOff_countStaleReads() throws Exception {
        String off = System.getProperty("triggercache.unsafe.disable", "");
        OracleReport.begin("triggercache oracle, mutation run: triggercache.unsafe.disable=" + off);
        Oracle.OracleRun run = Oracle.run(Oracle.Settings.of(OracleDatabase.H2, 15));
        OracleReport.add(run);

        assertThat(off).as("the protection to switch off (-Dtriggercache.unsafe.disable)").isNotEmpty();
        assertThat(run.checkedReads()).as("reads checked").isGreaterThan(1_000);
    }
}
