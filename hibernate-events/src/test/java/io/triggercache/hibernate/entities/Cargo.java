package io.triggercache.hibernate.entities;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A cargo: an embedded itinerary (a collection inside an embeddable) and a top-level element collection. */
@Entity
public class Cargo {

    @Id
    @GeneratedValue
    private Long id;

    private String trackingId;

    @Embedded
    private Itinerary itinerary = new Itinerary(List.of());

    @ElementCollection
    @CollectionTable(name = "cargo_label")
    private List<String> labels = new ArrayList<>();

    protected Cargo() {
    }

    public Cargo(String trackingId, Itinerary itinerary, List<String> labels) {
        this.trackingId = trackingId;
        this.itinerary = itinerary;
        this.labels = new ArrayList<>(labels);
    }

    public Long getId() {
        return id;
    }

    public Itinerary getItinerary() {
        return itinerary;
    }

    public void setItinerary(Itinerary itinerary) {
        this.itinerary = itinerary;
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels;
    }
}
