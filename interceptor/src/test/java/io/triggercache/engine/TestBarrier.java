package io.triggercache.engine;

import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ReadBarrier;
import io.triggercache.spi.TransactionChanges;

/**
 * A change source's view of the calling thread, set by the test per thread: the horizon of what it reads, and the
 * transaction it is in (whose pending changes the source obtains from the sink only when asked, as a source that
 * has seen no entity change yet would).
 */
final class TestBarrier implements ReadBarrier {

    private final ChangeSink sink;
    final ThreadLocal<Long> since = new ThreadLocal<>();
    final ThreadLocal<Object> transaction = new ThreadLocal<>();

    TestBarrier(ChangeSink sink) {
        this.sink = sink;
    }

    @Override
    public void beforeRead() {
    }

    @Override
    public long readsSince() {
        Long s = since.get();
        return s == null ? Long.MAX_VALUE : s;
    }

    @Override
    public TransactionChanges currentTransaction() {
        Object key = transaction.get();
        return key == null ? null : sink.transaction(key);
    }
}
