package io.triggercache.oracle.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;

/** A cargo's route: an embeddable holding an ordered collection of embeddable {@link Leg}s (the cargo-tracking itinerary). */
@Embeddable
public class Route {

    private String origin;

    @ElementCollection
    @CollectionTable(name = "orc_cargo_leg")
    @OrderColumn(name = "leg_index")
    private List<Leg> legs = new ArrayList<>();

    protected Route() {
    }

    public Route(String origin, List<Leg> legs) {
        this.origin = origin;
        this.legs = new ArrayList<>(legs);
    }

    public String getOrigin() {
        return origin;
    }

    public List<Leg> getLegs() {
        return legs;
    }
}
