package io.triggercache.hibernate.entities;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;

/** A table-per-class subclass with a top-level element collection of embeddables ({@link Leg}). */
@Entity
public class Meetup extends Gathering {

    private String venue;

    @ElementCollection
    @CollectionTable(name = "meetup_stop")
    private List<Leg> stops = new ArrayList<>();

    protected Meetup() {
    }

    public Meetup(String zone, String venue, List<Leg> stops) {
        super(zone);
        this.venue = venue;
        this.stops = new ArrayList<>(stops);
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public List<Leg> getStops() {
        return stops;
    }

    public void setStops(List<Leg> stops) {
        this.stops = stops;
    }
}
