package io.triggercache.jcache.internal;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.LoadTicket;

import java.util.ArrayList;
import java.util.List;

/**
 * The group token and epoch a load began under, as read by {@link TokenRegion#beginLoad}, the time of the
 * invalidation they stand for, and the other cached values the load used ({@link #dependOn}).
 */
final class Ticket implements LoadTicket {

    final TokenRegion region;
    final GroupKey group;
    final long groupToken;
    final long epoch;
    private final long invalidatedAt;
    private List<Dependency> dependencies;     // null until the first dependOn
    private boolean refused;                   // a dependency could not be recorded: put stores nothing

    Ticket(TokenRegion region, GroupKey group, long groupToken, long epoch, long invalidatedAt) {
        this.region = region;
        this.group = group;
        this.groupToken = groupToken;
        this.epoch = epoch;
        this.invalidatedAt = invalidatedAt;
    }

    @Override
    public long invalidatedAt() {
        return invalidatedAt;
    }

    /**
     * Records an {@link Entry} or a {@link Ticket} of a region of the same store, with its own dependencies
     * (flattened, without duplicates). Refuses, and from then on makes {@link TokenRegion#put} store
     * nothing, an object of another kind or store and a dependency that would take the ticket past
     * {@value JCacheStore#MAX_DEPENDENCIES}.
     */
    @Override
    public boolean dependOn(Object dependency) {
        List<Dependency> added = new ArrayList<>(4);
        if (dependency instanceof Entry entry && entry.region != null && entry.region.sameStore(region)) {
            added.add(new Dependency(entry.region, entry.group, entry.groupToken, entry.epoch));
            if (entry.dependencies != null) {
                added.addAll(List.of(entry.dependencies));
            }
        } else if (dependency instanceof Ticket ticket && ticket.region.sameStore(region) && !ticket.refused) {
            added.add(new Dependency(ticket.region, ticket.group, ticket.groupToken, ticket.epoch));
            if (ticket.dependencies != null) {
                added.addAll(ticket.dependencies);
            }
        } else {
            refused = true;
            return false;
        }
        List<Dependency> merged = dependencies == null ? new ArrayList<>(added.size()) : new ArrayList<>(dependencies);
        for (Dependency each : added) {
            boolean own = each.region() == region && each.group().equals(group)
                    && each.groupToken() == groupToken && each.epoch() == epoch;
            if (!own && !merged.contains(each)) {
                merged.add(each);
            }
        }
        if (merged.size() > JCacheStore.MAX_DEPENDENCIES) {
            refused = true;
            return false;
        }
        dependencies = merged;
        return true;
    }

    /** Whether a dependency was refused: the value must not be stored. */
    boolean refused() {
        return refused;
    }

    /** The recorded dependencies, or {@code null} for none. */
    Dependency[] dependencies() {
        return dependencies == null || dependencies.isEmpty() ? null : dependencies.toArray(new Dependency[0]);
    }

    @Override
    public String toString() {
        return "Ticket[" + group + (dependencies == null ? "" : ", " + dependencies.size() + " dependencies") + "]";
    }
}
