package io.triggercache.oracle.model;

import jakarta.persistence.Embeddable;

/** An embeddable element of a post's ratings. */
@Embeddable
public class Rating {

    private String reviewer;
    private int stars;

    protected Rating() {
    }

    public Rating(String reviewer, int stars) {
        this.reviewer = reviewer;
        this.stars = stars;
    }

    public String getReviewer() {
        return reviewer;
    }

    public int getStars() {
        return stars;
    }
}
