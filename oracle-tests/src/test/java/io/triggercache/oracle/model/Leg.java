package io.triggercache.oracle.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One leg of a cargo's route: an embeddable element of the collection inside {@link Route}. */
@Embeddable
public class Leg {

    private String location;
    @Column(name = "leg_day")
    private int day;

    protected Leg() {
    }

    public Leg(String location, int day) {
        this.location = location;
        this.day = day;
    }

    public String getLocation() {
        return location;
    }

    public int getDay() {
        return day;
    }
}
