package io.triggercache.hibernate.entities;

import jakarta.persistence.Embeddable;

/** One leg of an itinerary: an embeddable inside a collection inside an embeddable. */
@Embeddable
public class Leg {

    private String loadLocation;

    protected Leg() {
    }

    public Leg(String loadLocation) {
        this.loadLocation = loadLocation;
    }

    public String getLoadLocation() {
        return loadLocation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Leg l && java.util.Objects.equals(loadLocation, l.loadLocation);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(loadLocation);
    }

    @Override
    public String toString() {
        return "Leg(" + loadLocation + ")";
    }
}
