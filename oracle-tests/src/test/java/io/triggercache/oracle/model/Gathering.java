package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** An unversioned gathering in a zone: a TABLE_PER_CLASS hierarchy ({@link Webinar}, {@link Meetup}). */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Gathering {

    @Id
    private Long id;

    private String title;

    @Enumerated(EnumType.STRING)
    private Zone zone;

    protected Gathering() {
    }

    protected Gathering(long id, String title, Zone zone) {
        this.id = id;
        this.title = title;
        this.zone = zone;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Zone getZone() {
        return zone;
    }

    public void setZone(Zone zone) {
        this.zone = zone;
    }
}
