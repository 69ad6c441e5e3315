package io.triggercache.jcache.internal;

import io.triggercache.spi.LoadTicket;

/** The group token and epoch a load began under, as read by {@link TokenRegion#beginLoad}. */
final class Ticket implements LoadTicket {

    final TokenRegion region;
    final GroupKey group;
    final long groupToken;
    final long epoch;

    Ticket(TokenRegion region, GroupKey group, long groupToken, long epoch) {
        this.region = region;
        this.group = group;
        this.groupToken = groupToken;
        this.epoch = epoch;
    }

    @Override
    public String toString() {
        return "Ticket[" + group + "]";
    }
}
