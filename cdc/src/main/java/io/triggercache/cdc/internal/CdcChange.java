package io.triggercache.cdc.internal;

import java.util.Set;

import io.triggercache.Change;
import io.triggercache.EntityEvent;

/** A captured row change (or several rows of one entity in one transaction) as an entity change. */
record CdcChange(Class<?> type, EntityEvent event, Object id, State before, State after, Set<String> dirtyProperties) implements Change {

    @Override
    public String toString() {
        return "captured " + event + " " + type.getSimpleName() + "#" + id + " dirty=" + dirtyProperties + " before=" + before + " after=" + after;
    }
}
