package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.jcache.TestClock;
import io.triggercache.spi.ViewClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ViewClock}, which orders a load's view against its group's drops: nanoseconds, never the same answer twice
 * in the JVM, increasing along every thread, and never running ahead of the wall clock however often it is called; and the stamps the shared token cache holds, which older versions
 * wrote in milliseconds.
 */
class ViewClockTest {

    @Test
    void now_isInNanoseconds_nearTheWallClock_evenRightAfterABurstOfCalls() {
        for (int i = 0; i < 1_000_000; i++) {
            ViewClock.now();                              // far more calls than microseconds pass: no drift ahead
        }
        long before = System.currentTimeMillis();
        long now = ViewClock.now();
        long after = System.currentTimeMillis();
        assertThat(now / 1_000_000).isBetween(before - 1, after + 1);
    }

    @Test
    void now_neverAnswersTheSameTwice_andIncreasesAlongEachThread() throws Exception {
        int threads = 4;
        int calls = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] runs = new Future<?>[threads];
            long[][] answers = new long[threads][calls];
            for (int t = 0; t < threads; t++) {
                long[] mine = answers[t];
                runs[t] = pool.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        mine[i] = ViewClock.now();
                    }
                });
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
            long[] all = new long[threads * calls];
            for (int t = 0; t < threads; t++) {
                for (int i = 1; i < calls; i++) {
                    assertThat(answers[t][i]).as("thread %d, call %d", t, i).isGreaterThan(answers[t][i - 1]);
                }
                System.arraycopy(answers[t], 0, all, t * calls, calls);
            }
            // many of the 200,000 calls fell in the same wall-clock microsecond, and none got the same answer
            assertThat(Arrays.stream(all).distinct().count()).isEqualTo(all.length);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void now_ofTheSystemClock_inAnyZone_isTheStrictClock_andOfAnotherClockItsInstant() {
        long a = ViewClock.now(Clock.systemUTC());
        long b = ViewClock.now(Clock.system(ZoneId.of("Europe/Paris")));
        assertThat(b).isGreaterThan(a);
        TestClock clock = new TestClock(1_700_000_000_123L);
        assertThat(ViewClock.now(clock)).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(ViewClock.now(clock)).as("a test clock that does not move").isEqualTo(1_700_000_000_123_000_000L);
        assertThat(ViewClock.instant(1_700_000_000_123_456_789L)).isEqualTo(Instant.parse("2023-11-14T22:13:20.123456789Z"));
        assertThat(ViewClock.nanos(Instant.parse("2023-11-14T22:13:20.123456789Z"))).isEqualTo(1_700_000_000_123_456_789L);
    }

    @Test
    void stamp_writtenInMilliseconds_byAnOlderVersion_readsAsTheLastNanosecondOfThatMillisecond() {
        assertThat(Bytes.invalidatedAt(Bytes.stamped(42, 1_700_000_000_123_456_789L), -1)).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(Bytes.invalidatedAt(Bytes.stamped(42, 1_700_000_000_123L), -1)).isEqualTo(1_700_000_000_123_999_999L);
        assertThat(Bytes.invalidatedAt(Bytes.stamped(42, 0), -1)).as("created while nothing was forgotten").isZero();
        assertThat(Bytes.invalidatedAt(Bytes.of(42), -1)).as("unstamped").isEqualTo(-1);
    }
}
