package io.triggercache.hibernate.entities;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;

/** A value object holding a list of legs, as in the cargo-tracking application. */
@Embeddable
public class Itinerary {

    @ElementCollection
    @CollectionTable(name = "cargo_leg")
    private List<Leg> legs = new ArrayList<>();

    protected Itinerary() {
    }

    public Itinerary(List<Leg> legs) {
        this.legs = new ArrayList<>(legs);
    }

    public List<Leg> getLegs() {
        return legs;
    }
}
