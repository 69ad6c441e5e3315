package io.triggercache.benchmarks.support;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import java.util.Map;
import java.util.Set;

/**
 * A change as a change source reports it through the SPI (the Hibernate listeners build the same from a
 * flush): type, event, id, the two states as property maps, the dirty properties.
 *
 * @param type            the entity class
 * @param event           the event
 * @param id              the entity id
 * @param before          the old state, or null
 * @param after           the new state, or null
 * @param dirtyProperties the properties the change may have modified
 */
public record SimpleChange(Class<?> type, EntityEvent event, Object id, Change.State before, Change.State after,
                           Set<String> dirtyProperties) implements Change {

    /** One side of a change, read from a map of property values. */
    public record MapState(Map<String, Object> values, Object object) implements Change.State {
        @Override
        public Object get(String property) {
            Object v = values.get(property);
            if (v == null && !values.containsKey(property)) {
                throw new IllegalArgumentException("no property \"" + property + "\" in " + values.keySet());
            }
            return v;
        }
    }
}
