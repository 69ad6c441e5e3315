package io.triggercache.cdc.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** One run of Debezium's embedded engine on its own thread, feeding a {@link RowMapper}. Thread-safe. */
public final class Capture implements AutoCloseable {

    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Most rows of one open transaction held back for merging; beyond it they are reported unmerged. */
    private static final int MAX_HELD = 10_000;
    /** Records received but not yet marked processed: the tail of a transaction whose END has not arrived. */
    private final List<RecordChangeEvent<SourceRecord>> pending = new ArrayList<>();
    /** How many of {@link #pending} have been reported already (an oversized open transaction). */
    private int reported;

    public Capture(Properties properties, RowMapper mapper, AtomicLong rows, AtomicLong changes, String threadName) {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        started.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                        Log.warn("TCCDC002 change capture stopped: " + message, error);
                    }
                    started.countDown();
                    stopped.countDown();
                })
                .notifying((List<RecordChangeEvent<SourceRecord>> batch, DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) -> {
                    pending.addAll(batch);
                    int safe = lastOutsideTransaction();
                    // rows of a transaction still open at the end of the batch wait for its END marker (so that the rows
                    // of one entity are merged), unless there are too many to hold: those are reported now, as they are
                    int report = pending.size() - reported > MAX_HELD ? pending.size() : safe + 1;
                    if (report > reported) {
                        List<SourceRecord> records = new ArrayList<>(report - reported);
                        for (RecordChangeEvent<SourceRecord> e : pending.subList(reported, report)) {
                            records.add(e.record());
                        }
                        changes.addAndGet(mapper.process(records));
                        rows.addAndGet(records.size());
                        reported = report;
                    }
                    // offsets move only past complete transactions whose drops have been applied (or recorded as owed)
                    if (safe >= 0) {
                        List<RecordChangeEvent<SourceRecord>> done = pending.subList(0, safe + 1);
                        for (RecordChangeEvent<SourceRecord> e : done) {
                            committer.markProcessed(e);
                        }
                        reported -= done.size();
                        done.clear();
                    }
                    committer.markBatchFinished();
                })
                .build();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.execute(engine);
    }

    /** The index of the last pending record outside any open transaction (after its END marker), or -1. */
    private int lastOutsideTransaction() {
        boolean open = false;
        int safe = -1;
        for (int i = 0; i < pending.size(); i++) {
            Object v = pending.get(i).record().value();
            if (v instanceof Struct st && st.schema().field("status") != null && st.schema().field("event_count") != null) {
                open = "BEGIN".equals(st.getString("status"));
            }
            if (!open) {
                safe = i;
            }
        }
        return safe;
    }

    /** Waits until the engine streams or stops; returns the error it stopped with, or null. */
    public Throwable awaitStarted(long millis) throws InterruptedException {
        if (!started.await(millis, TimeUnit.MILLISECONDS)) {
            return new IllegalStateException("TCCDC003 change capture did not start within " + millis + " ms");
        }
        return failure.get();
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } catch (IOException e) {
            Log.warn("TCCDC006 closing the Debezium engine failed", e);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
