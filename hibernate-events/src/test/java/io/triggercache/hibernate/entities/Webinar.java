package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;

@Entity
public class Webinar extends Gathering {

    private String url;

    protected Webinar() {
    }

    public Webinar(String zone, String url) {
        super(zone);
        this.url = url;
    }
}
