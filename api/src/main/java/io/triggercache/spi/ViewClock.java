package io.triggercache.spi;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock that orders what a load read against when its group was last dropped: epoch nanoseconds, strictly
 * increasing within this JVM (a hybrid of the wall clock and a counter: a call returns the wall clock's time, which
 * the JDK reads to the microsecond on Linux, or one nanosecond more than the previous call's answer when the wall
 * clock has not moved past it, or has moved back). A call takes longer than a nanosecond, so the answers stay
 * within a microsecond of the wall clock however often it is called, unless the wall clock steps back.
 *
 * <p>Both sides of the comparison the engine makes before it stores a load use it: a change source answers
 * {@link ReadBarrier#readsSince()} with the time the oldest view of the thread began, taken before that view's
 * first statement; a store answers {@link LoadTicket#invalidatedAt()} with the time a group was dropped, taken
 * after the dropping transaction committed. A load is stored only if its view began strictly later. Because two
 * calls in this JVM never return the same value, and a call that happens after another returns a larger one, a
 * view that began after a drop on this node is always seen as later, even in the same millisecond (a clock in
 * milliseconds refused those loads; they were correct). Across nodes the wall clocks differ: stores that several
 * JVMs write add their clock margin to a drop's time (see {@code docs/cluster.md}).
 *
 * <p>Thread-safe and cheap (one wall-clock read and one compare-and-set); called on the miss and write paths, never
 * on a hit. Epoch nanoseconds fit a {@code long} until the year 2262.
 */
public final class ViewClock {

    private static final AtomicLong LAST = new AtomicLong();
    private static final Clock SYSTEM = Clock.systemUTC();

    private ViewClock() {
    }

    /** Now, in epoch nanoseconds: larger than every earlier answer of this method in this JVM. */
    public static long now() {
        long wall = nanos(SYSTEM.instant());
        for (;;) {
            long last = LAST.get();
            long next = wall > last ? wall : last + 1;
            if (LAST.compareAndSet(last, next)) {
                return next;
            }
        }
    }

    /**
     * Now by {@code clock}, in epoch nanoseconds: {@link #now()} for the system clock (any zone), else the clock's
     * instant (tests that move a clock by hand), not made strictly increasing.
     */
    public static long now(Clock clock) {
        return clock.getClass() == SYSTEM.getClass() ? now() : nanos(clock.instant());
    }

    /** {@code instant} in epoch nanoseconds. */
    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Epoch nanoseconds as an instant. */
    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
