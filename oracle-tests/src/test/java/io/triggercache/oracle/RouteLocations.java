package io.triggercache.oracle;

import io.triggercache.Change;
import io.triggercache.SuffixFunction;
import io.triggercache.oracle.model.Leg;
import io.triggercache.oracle.model.Route;
import org.hibernate.Hibernate;

/**
 * The locations of a cargo's route legs, one group each: the collection inside the embeddable {@link Route},
 * read as the docs show ({@code (Route) state.get("route")}); every group when the legs are not known.
 */
public class RouteLocations implements SuffixFunction {

    @Override
    public Object suffix(Change change, Change.State state) {
        Object value = state.get("route");
        if (value == Change.UNKNOWN) {
            return ALL_GROUPS;
        }
        Route route = (Route) value;
        if (route == null) {
            return NO_GROUP;
        }
        if (!Hibernate.isInitialized(route.getLegs())) {
            return ALL_GROUPS;
        }
        return SuffixFunction.each(route.getLegs().stream().map(Leg::getLocation).toList());
    }
}
