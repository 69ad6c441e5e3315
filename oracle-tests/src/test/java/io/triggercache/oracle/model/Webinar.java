package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A webinar: a TABLE_PER_CLASS subclass of {@link Gathering}. */
@Entity
@Table(name = "orc_webinar")
public class Webinar extends Gathering {

    private String url;

    protected Webinar() {
    }

    public Webinar(long id, String title, Zone zone, String url) {
        super(id, title, zone);
        this.url = url;
    }

    public String getUrl() {
        return url;
    }
}
