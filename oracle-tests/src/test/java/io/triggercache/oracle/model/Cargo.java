package io.triggercache.oracle.model;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An unversioned cargo whose route (an embeddable holding a collection) is replaced whole, as "assign a route" does. */
@Entity
@Table(name = "orc_cargo")
public class Cargo extends Identified {

    private String trackingId;

    @Embedded
    private Route route;

    protected Cargo() {
    }

    public Cargo(long id, String trackingId, Route route) {
        super(id);
        this.trackingId = trackingId;
        this.route = route;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public Route getRoute() {
        return route;
    }

    public void setRoute(Route route) {
        this.route = route;
    }
}
