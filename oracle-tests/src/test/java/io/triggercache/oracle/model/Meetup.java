package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A meetup: a TABLE_PER_CLASS subclass of {@link Gathering} with a venue that can change. */
@Entity
@Table(name = "orc_meetup")
public class Meetup extends Gathering {

    private String venue;

    protected Meetup() {
    }

    public Meetup(long id, String title, Zone zone, String venue) {
        super(id, title, zone);
        this.venue = venue;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }
}
