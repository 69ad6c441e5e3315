package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Store faults are logged at most once per period per method and operation, not once per call. */
class FaultLogTest {

    @Test
    void report_logsTheFirstFaultOfAPeriodOnly_perMethodAndOperation() {
        FaultLog log = new FaultLog(TimeUnit.HOURS.toNanos(1));
        RuntimeException fault = new IllegalStateException("down");
        assertThat(log.report("m", "read", fault)).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(log.report("m", "read", fault)).isFalse();
        }
        assertThat(log.report("m", "write", fault)).isTrue();           // another operation: its own period
        assertThat(log.report("other", "read", fault)).isTrue();        // another method: its own period
    }

    @Test
    void report_logsAgainOnceThePeriodHasPassed() {
        FaultLog log = new FaultLog(0);                                   // a zero period: every fault is a new period
        RuntimeException fault = new IllegalStateException("down");
        assertThat(log.report("m", "read", fault)).isTrue();
        assertThat(log.report("m", "read", fault)).isTrue();
    }
}
