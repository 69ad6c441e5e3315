package io.triggercache.benchmarks.support;

import java.util.concurrent.atomic.LongAdder;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares: in all, and on the calling thread (so that a read can tell
 * whether it reached the database). Installed as the session factory's statement inspector; triggercache's
 * own inspector, when active, runs after it. Thread-safe.
 */
public final class SqlCounter implements StatementInspector {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<long[]> ON_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private final transient LongAdder total = new LongAdder();

    @Override
    public String inspect(String sql) {
        total.increment();
        ON_THREAD.get()[0]++;
        return sql;
    }

    /** The statements prepared so far by every session of the factory. */
    public long total() {
        return total.sum();
    }

    /** The statements prepared so far on this thread, by any factory. */
    public static long onThisThread() {
        return ON_THREAD.get()[0];
    }
}
