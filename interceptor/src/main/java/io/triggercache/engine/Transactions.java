package io.triggercache.engine;

import io.triggercache.spi.ReadBarrier;
import io.triggercache.spi.TransactionChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the engine knows of the transactions of a deployment: the pending changes of each (by the change source's
 * key), the ones bound to each thread, the change sources' view of the calling thread ({@link ReadBarrier}s), and
 * the container's JTA transactions.
 *
 * <p>A transaction's pending changes decide the bypasses of calls made in that transaction only: a JTA
 * transaction suspended by {@code REQUIRES_NEW} or {@code NOT_SUPPORTED} does not make the inner one bypass, nor
 * the reverse. Thread-safe.
 */
final class Transactions {

    private final TransactionBridge jta;
    private final ConcurrentHashMap<Object, PendingTransaction> open = new ConcurrentHashMap<>();
    private final AtomicInteger openCount = new AtomicInteger();
    private final ThreadLocal<ArrayList<PendingTransaction>> bound = new ThreadLocal<>();
    private volatile ReadBarrier[] barriers = new ReadBarrier[0];

    Transactions(TransactionBridge jta) {
        this.jta = jta;
    }

    /** The pending changes under {@code key}, created on first use and bound to the calling thread. */
    PendingTransaction transaction(Object key, WritePath writes) {
        Objects.requireNonNull(key, "transactionKey");
        PendingTransaction tx = open.get(key);
        if (tx == null) {
            PendingTransaction created = new PendingTransaction(writes, key, jta.currentTransaction());
            tx = open.putIfAbsent(key, created);
            if (tx == null) {
                tx = created;
                openCount.incrementAndGet();
            }
        }
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs == null) {
            txs = new ArrayList<>(2);
            bound.set(txs);
        }
        if (!txs.contains(tx)) {
            txs.add(tx);
        }
        return tx;
    }

    /** Forgets a completed transaction. */
    void release(PendingTransaction tx) {
        if (tx.key != null && open.remove(tx.key, tx)) {
            openCount.decrementAndGet();
        }
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs != null) {
            txs.remove(tx);
            if (txs.isEmpty()) {
                bound.remove();
            }
        }
    }

    /** Whether the transaction the calling thread is in has pending changes that affect {@code m}. */
    boolean touches(CachedMethod m) {
        if (openCount.get() == 0) {
            return false;
        }
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs == null) {
            return false;
        }
        Object current = null;
        boolean currentKnown = false;
        for (int i = txs.size() - 1; i >= 0; i--) {
            PendingTransaction tx = txs.get(i);
            if (tx.isCompleted()) {
                txs.remove(i);
                continue;
            }
            if (tx.jtaKey != null) {
                if (!currentKnown) {
                    current = jta.currentTransaction();
                    currentKnown = true;
                }
                if (!tx.jtaKey.equals(current)) {
                    continue;                       // suspended (or another thread's): not this call's transaction
                }
            }
            if (tx.touches(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pending changes of the transaction the calling thread is in, for a write reported by hand (I8): one a
     * change source already reported changes into, else the one a change source knows the thread is in, else the
     * container's JTA transaction (whose completion then applies it); {@code null} outside any transaction.
     */
    PendingTransaction current(WritePath writes) {
        ArrayList<PendingTransaction> txs = bound.get();
        Object current = null;
        boolean currentKnown = false;
        if (txs != null) {
            for (int i = txs.size() - 1; i >= 0; i--) {
                PendingTransaction tx = txs.get(i);
                if (tx.isCompleted() || tx.key == null) {
                    continue;
                }
                if (tx.jtaKey != null) {
                    if (!currentKnown) {
                        current = jta.currentTransaction();
                        currentKnown = true;
                    }
                    if (!tx.jtaKey.equals(current)) {
                        continue;
                    }
                }
                return tx;
            }
        }
        for (ReadBarrier b : barriers) {
            TransactionChanges tc = b.currentTransaction();
            if (tc instanceof PendingTransaction tx && !tx.isCompleted()) {
                return tx;
            }
        }
        Object key = currentKnown ? current : jta.currentTransaction();
        if (key == null) {
            return null;
        }
        boolean fresh = !open.containsKey(key);
        PendingTransaction tx = transaction(key, writes);
        if (fresh) {
            try {
                jta.afterCompletion(tx::completed);
            } catch (RuntimeException e) {
                tx.completed(true);                 // no callback: drop now rather than never (too much, never too little)
                return null;
            }
        }
        return tx;
    }

    /** Lets the change sources surface the calling thread's unflushed changes. */
    void beforeRead() {
        for (ReadBarrier b : barriers) {
            b.beforeRead();
        }
    }

    /** The oldest time from which what a load on the calling thread read may date ({@link ReadBarrier#readsSince()}). */
    long readsSince() {
        long since = Long.MAX_VALUE;
        for (ReadBarrier b : barriers) {
            since = Math.min(since, b.readsSince());
        }
        return since;
    }

    synchronized void addReadBarrier(ReadBarrier barrier) {
        for (ReadBarrier b : barriers) {
            if (b == barrier) {
                return;
            }
        }
        ReadBarrier[] next = Arrays.copyOf(barriers, barriers.length + 1);
        next[barriers.length] = barrier;
        barriers = next;
    }

    synchronized void removeReadBarrier(ReadBarrier barrier) {
        barriers = Arrays.stream(barriers).filter(b -> b != barrier).toArray(ReadBarrier[]::new);
    }
}
