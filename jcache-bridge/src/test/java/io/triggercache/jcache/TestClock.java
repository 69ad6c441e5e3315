package io.triggercache.jcache;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so that invalidation times are known exactly. Thread-safe. */
public final class TestClock extends Clock {

    private final AtomicLong millis;

    /** A clock standing at {@code millis} (epoch milliseconds). */
    public TestClock(long millis) {
        this.millis = new AtomicLong(millis);
    }

    /** Moves the clock forward by {@code delta} ms and returns the new time. */
    public long advance(long delta) {
        return millis.addAndGet(delta);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is UTC only");
    }
}
