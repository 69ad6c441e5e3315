package io.triggercache.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs store faults at most once per period per method and operation, with the number of faults
 * not logged since, so that an outage does not flood the log with one line per call.
 */
final class FaultLog {

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    private final long periodNanos;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FaultLog(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    private static final class Window {
        final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }

    /** Logs a store fault of {@code operation} on {@code method}, at most once per period; returns whether it was logged. */
    boolean report(String method, String operation, RuntimeException e) {
        return warn(method + ' ' + operation, skipped -> "TRIGGERCACHE-010 store " + operation + " failed for " + method
                + "; the call ran uncached" + (skipped > 0 ? " (" + skipped + " more such faults since the last report)" : "")
                + ": " + e, e);
    }

    /**
     * Logs a warning at most once per period per {@code key}; the message is built only when it is logged, from the
     * number of occurrences not logged since the last report. Returns whether it was logged.
     */
    boolean warn(String key, java.util.function.LongFunction<String> message, Throwable e) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long next = w.nextLogAt.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && w.nextLogAt.compareAndSet(next, now + periodNanos)) {
            long skipped = w.suppressed.getAndSet(0);
            LOG.log(System.Logger.Level.WARNING, message.apply(skipped), e);
            return true;
        }
        w.suppressed.incrementAndGet();
        return false;
    }
}
