package io.triggercache.engine;

import io.triggercache.spi.LoadTicket;

/**
 * One load running on a thread, with the load it runs inside (the stack of nested cached calls). Cached calls made
 * while it runs report to it: a hit or a stored inner load becomes a dependency of its entry
 * ({@link LoadTicket#dependOn}); anything else (a bypass, an inner load that was not stored) spoils it, so that its
 * result is not stored (I9, and I3 through the nesting). Used by one thread.
 */
final class LoadFrame {

    final LoadTicket ticket;
    final LoadFrame outer;
    boolean spoiled;

    LoadFrame(LoadTicket ticket, LoadFrame outer) {
        this.ticket = ticket;
        this.outer = outer;
        this.spoiled = ticket == null;
    }

    /** An inner call was answered from {@code dependency} (a stored value or the ticket of a stored load). */
    void dependOn(Object dependency) {
        if (!spoiled && (dependency == null || !ticket.dependOn(dependency))) {
            spoiled = true;
        }
    }

    /** An inner call's result was not cached: this load's result must not be either. */
    void spoil() {
        spoiled = true;
    }
}
