package io.triggercache.oracle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What makes "a read that starts after a commit returned, with no commit in flight" exact: every writing commit
 * of the oracle runs under the write lock and advances the epoch; a checked read holds the read lock from before
 * its cached call until its comparison is done. So during a checked read the committed state of the database is
 * the one of its epoch, and every commit before it (with its drops, which the engine applies inside the commit
 * call) has returned.
 */
final class CommitGate {

    /** The write kind a thread is committing, for the commit log and the drop counts. */
    static final ThreadLocal<CommitLog.Running> CURRENT = new ThreadLocal<>();

    static final long COMMIT_WAIT_SECONDS = 2;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong epoch = new AtomicLong();
    private final CommitLog log;

    CommitGate(CommitLog log) {
        this.log = log;
    }

    /**
     * Runs a commit as one epoch step. A writer that cannot get the write lock within {@link #COMMIT_WAIT_SECONDS}
     * does not commit: it throws, and its transaction rolls back. That breaks the one cycle the gate could close (a
     * checked read holding the read lock waits for a load whose thread waits for a row lock held by this writer),
     * without ever letting a commit run while a checked read is in progress.
     *
     * @throws GateTimeout if the lock was not obtained in time (nothing was committed)
     */
    void commit(Runnable commit) {
        try {
            if (!lock.writeLock().tryLock(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new GateTimeout();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateTimeout();
        }
        boolean committed = false;
        try {
            commit.run();
            committed = true;
        } finally {
            long e = epoch.incrementAndGet();
            log.record(e, CURRENT.get(), committed);
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code checked} with no commit in flight; it sees the epoch of the last commit that returned. */
    <T> T quiet(Supplier<T> checked) {
        lock.readLock().lock();
        try {
            return checked.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of commits that have returned. Stable while inside {@link #quiet}. */
    long epoch() {
        return epoch.get();
    }

    /** Thrown instead of committing when the write lock could not be obtained in time; the transaction rolls back. */
    static final class GateTimeout extends RuntimeException {
        GateTimeout() {
            super("no commit: the oracle's write lock was not obtained within " + COMMIT_WAIT_SECONDS + " s; rolled back", null, false, false);
        }
    }
}
