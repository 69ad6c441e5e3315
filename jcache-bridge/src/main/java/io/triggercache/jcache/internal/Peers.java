package io.triggercache.jcache.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import javax.cache.Cache;

/**
 * The other stores (nodes) sharing one token cache, and how long this node may still trust what the shared
 * caches hold: the part of the protocol that keeps I1 across nodes when one node cannot reach the store.
 *
 * <h2>Why</h2>
 * A node whose invalidation failed (it lost the store, the others did not) knows its methods are owed a
 * drop and bypasses them; the other nodes do not know, and would serve what the lost drop should have made
 * stale. So every store writes a heartbeat while it owes nothing, the others watch it, and a node serves
 * from the shared caches only while every peer's heartbeat is fresh. A node that owes a drop stops its
 * heartbeat first, then waits until every peer has stopped trusting it, and only then lets the failed
 * invalidation (and with it the business call that committed) return. After the store comes back, the
 * node applies its owed drops (each owed region's epoch is replaced) before its heartbeat resumes, so the
 * others trust the store again only once it is consistent. This is a lease in the sense of Gray and
 * Cheriton: it assumes that threads are not stalled for longer than a heartbeat period and that clocks run
 * at the same rate, not that they agree.
 *
 * <h2>Keys</h2>
 * Each store's heartbeat ({@link KeyEncoder#heartbeat}): a counter, or {@link #LEFT} once the store closed.
 * The roster ({@link KeyEncoder#roster()}): the ids of the stores, which each store keeps itself in (it is
 * re-created after the store lost its data). A store also remembers the peers it has seen, so a roster
 * lost with the store's data does not make it forget a peer that has not come back.
 *
 * <h2>Trust</h2>
 * Every period, this node reads the roster and the heartbeat of every known peer. A peer is fresh if its
 * counter changed in a read that started at most {@code trust} ago; this node trusts the store until the
 * earliest such deadline, and never longer than {@code trust} after its own last successful read. A peer
 * found in the roster by this node's first read is not fresh until its counter changes (it may be a node
 * that owes drops); one that joins the roster later is fresh at once (a store writes its first heartbeat
 * before it joins, and a node that owes drops writes none). A peer whose heartbeat says {@link #LEFT} is
 * forgotten at once, and a peer silent for {@code forget} is forgotten, taken off the roster and its last
 * heartbeat removed (so that it cannot pass for a newcomer if it comes back owing drops): a crashed node
 * delays the others' caching for that long, and a
 * node cut off from the store longer than that while still committing to the database is the one case
 * where a stale value can be served (until it comes back and applies its drops). Documented in
 * {@code docs/cluster.md}.
 *
 * <p>Thread-safe: {@link #poll} runs on one thread at a time (the heartbeat thread, or the opening thread
 * before it starts); {@link #trusted()} is one volatile read and one clock read.
 */
final class Peers {

    /** The heartbeat value of a store that closed: its peers forget it at once. */
    static final long LEFT = -1;

    private static final int MAX_ROSTER_TRIES = 8;

    private final Cache<Object, Object> cache;
    private final long self;
    private final String rosterKey = KeyEncoder.roster();
    private final long trustNanos;
    private final long forgetNanos;

    private final Map<Long, Peer> peers = new HashMap<>();   // poll only
    private Set<Long> lastRoster;                             // poll only; null before the first poll
    private volatile long trustedUntil;                       // System.nanoTime()
    private volatile boolean confirmed;                       // every known peer has been seen fresh

    Peers(Cache<Object, Object> cache, long self, long trustNanos, long forgetNanos) {
        this.cache = cache;
        this.self = self;
        this.trustNanos = trustNanos;
        this.forgetNanos = forgetNanos;
    }

    /** Whether the shared caches may be served from now. */
    boolean trusted() {
        return System.nanoTime() - trustedUntil < 0;
    }

    /** Whether every peer known at the last poll has been seen fresh (none is waited for). */
    boolean confirmed() {
        return confirmed;
    }

    /**
     * Reads the roster and the peers' heartbeats, and moves the trust deadline. A provider failure
     * propagates and leaves the deadline where it was, so trust lapses when reads keep failing.
     */
    synchronized void poll() {
        long started = System.nanoTime();
        Set<Long> roster = parse(cache.get(rosterKey));
        if (!roster.contains(self)) {
            roster = join();
        }
        for (Long id : roster) {
            if (id != self && !peers.containsKey(id)) {
                // a store that joined the roster while this one watched has just written its first
                // heartbeat and owes nothing; one found there on this node's first poll may be a node
                // that owes drops, and must show a heartbeat written after this poll
                peers.put(id, new Peer(started, lastRoster != null && !lastRoster.contains(id)));
            }
        }
        lastRoster = roster;
        long until = started + trustNanos;
        boolean allFresh = true;
        for (Iterator<Map.Entry<Long, Peer>> it = peers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Peer> e = it.next();
            Peer peer = e.getValue();
            Object value = cache.get(KeyEncoder.heartbeat(e.getKey()));
            long beat = value == null ? 0 : Bytes.token(value);
            if (beat == LEFT) {
                it.remove();
                continue;
            }
            if (beat != 0 && beat != peer.lastBeat) {
                if (peer.lastBeat != Peer.NEVER || peer.seenSince != started || peer.joinedWhileWatched) {
                    peer.freshAt = started;         // written since an earlier read, or a newcomer: alive
                }
                peer.lastBeat = beat;
            }
            long aliveAt = peer.freshAt == Peer.NEVER ? peer.seenSince : peer.freshAt;
            if (started - aliveAt > forgetNanos) {
                // gone for good, as far as this node can tell: forget it, and remove its last heartbeat
                // so that, should it come back still owing drops, it is not taken for a newcomer
                it.remove();
                if (peer.lastBeat != Peer.NEVER) {
                    cache.remove(KeyEncoder.heartbeat(e.getKey()), Bytes.of(peer.lastBeat));
                }
                leaveRoster(e.getKey());
                continue;
            }
            if (peer.freshAt == Peer.NEVER) {
                allFresh = false;
                until = started;                    // never seen alive: not trusted yet
            } else {
                until = Math.min(until, peer.freshAt + trustNanos);
                if (started - peer.freshAt >= trustNanos) {
                    allFresh = false;
                }
            }
        }
        confirmed = allFresh;
        trustedUntil = until;
    }

    /** Takes this node off the roster (it is closing). Best effort. */
    synchronized void leave() {
        leaveRoster(self);
    }

    private Set<Long> join() {
        for (int i = 0; i < MAX_ROSTER_TRIES; i++) {
            Object current = cache.get(rosterKey);
            Set<Long> ids = parse(current);
            if (ids.contains(self)) {
                return ids;
            }
            ids.add(self);
            String next = format(ids);
            if (current == null ? cache.putIfAbsent(rosterKey, next) : cache.replace(rosterKey, current, next)) {
                return ids;
            }
        }
        return parse(cache.get(rosterKey));      // lost every race: the next poll tries again
    }

    private void leaveRoster(long id) {
        for (int i = 0; i < MAX_ROSTER_TRIES; i++) {
            Object current = cache.get(rosterKey);
            Set<Long> ids = parse(current);
            if (current == null || !ids.remove(id)) {
                return;
            }
            boolean done = ids.isEmpty() ? cache.remove(rosterKey, current) : cache.replace(rosterKey, current, format(ids));
            if (done) {
                return;
            }
        }
    }

    private static Set<Long> parse(Object roster) {
        Set<Long> ids = new LinkedHashSet<>();
        if (roster instanceof String s && !s.isEmpty()) {
            for (String part : s.split(",")) {
                try {
                    ids.add(Long.parseUnsignedLong(part, 16));
                } catch (NumberFormatException e) {
                    // not ours: ignore the part
                }
            }
        }
        return ids;
    }

    private static String format(Set<Long> ids) {
        StringJoiner joiner = new StringJoiner(",");
        for (long id : ids) {
            joiner.add(Long.toUnsignedString(id, 16));
        }
        return joiner.toString();
    }

    /** What this node knows of one peer. Guarded by the {@link Peers} instance. */
    private static final class Peer {
        static final long NEVER = Long.MIN_VALUE;
        long lastBeat = NEVER;
        long freshAt = NEVER;
        final long seenSince;
        final boolean joinedWhileWatched;

        Peer(long seenSince, boolean joinedWhileWatched) {
            this.seenSince = seenSince;
            this.joinedWhileWatched = joinedWhileWatched;
        }
    }
}
