package io.triggercache.engine;

import static io.triggercache.testing.Changes.update;
import static io.triggercache.testing.Changes.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Cached;
import io.triggercache.Change;
import io.triggercache.Trigger;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trigger paths through collections yield one group per element (issue 11, point 5), with the unknown-state rule. */
class CollectionPathTest {

    private final Routes routes = new Routes();
    private final Harness h = new Harness(routes);

    @AfterEach
    void close() {
        h.close();
    }

    private static Itinerary itinerary(String... loads) {
        return new Itinerary(java.util.Arrays.stream(loads).map(l -> new Leg(new Location(l))).toList());
    }

    @Test
    void pathThroughAnEmbeddedList_dropsTheGroupOfEveryElementBeforeAndAfter_andNoOther() throws Exception {
        for (String port : List.of("SEGOT", "CNHKG", "USNYC", "NLRTM")) {
            h.call("departures", port);                                   // db hit each
        }
        h.commit(update(Cargo.class, 1L, values("id", 1L, "itinerary", itinerary("SEGOT", "CNHKG")),
                values("id", 1L, "itinerary", itinerary("USNYC"))));     // a new route
        for (String port : List.of("SEGOT", "CNHKG", "USNYC", "NLRTM")) {
            h.call("departures", port);
        }
        assertThat(routes.runs).hasValue(7);                              // SEGOT, CNHKG, USNYC reloaded; NLRTM a hit
        assertThat(h.engine.of(Routes.class.getName() + ".departures").hits()).isEqualTo(1);
    }

    @Test
    void pathEndingAtACollection_dropsOneGroupPerElement() throws Exception {
        h.call("tagged", "java");
        h.call("tagged", "jpa");
        h.call("tagged", "cdi");
        h.commit(update(Cargo.class, 1L, values("id", 1L, "tags", Set.of("java")), values("id", 1L, "tags", Set.of("jpa"))));
        h.call("tagged", "java");
        h.call("tagged", "jpa");
        h.call("tagged", "cdi");
        assertThat(routes.runs).hasValue(5);                              // java and jpa reloaded, cdi a hit
    }

    @Test
    void collectionWhoseOldElementsAreUnknown_dropsEveryGroup() throws Exception {
        h.call("departures", "SEGOT");
        h.call("departures", "NLRTM");
        // the old itinerary's legs were never loaded: the source reports them as unknown
        h.commit(update(Cargo.class, 1L, values("id", 1L, "itinerary", Change.UNKNOWN), values("id", 1L, "itinerary", itinerary("USNYC"))));
        h.call("departures", "SEGOT");
        h.call("departures", "NLRTM");
        assertThat(routes.runs).hasValue(4);                              // both reloaded
    }

    /** Cached methods over cargo routes. */
    public static class Routes {
        final AtomicInteger runs = new AtomicInteger();

        @Cached(suffix = "port", triggers = @Trigger(entity = Cargo.class, suffix = "itinerary.legs.loadLocation.unLocode"))
        public String departures(String port) {
            runs.incrementAndGet();
            return port;
        }

        @Cached(suffix = "tag", triggers = @Trigger(entity = Cargo.class, suffix = "tags"))
        public String tagged(String tag) {
            runs.incrementAndGet();
            return tag;
        }
    }

    /** An entity with an embedded itinerary holding a list of legs. */
    @Entity
    public static class Cargo {
        public Long getId() {
            return 1L;
        }

        public Itinerary getItinerary() {
            return null;
        }

        public Set<String> getTags() {
            return Set.of();
        }
    }

    /** An embeddable value object. */
    public static class Itinerary {
        private final List<Leg> legs;

        public Itinerary(List<Leg> legs) {
            this.legs = legs;
        }

        public List<Leg> getLegs() {
            return legs;
        }
    }

    /** One leg of a route. */
    public record Leg(Location loadLocation) {
    }

    /** A port. */
    public record Location(String unLocode) {
    }
}
