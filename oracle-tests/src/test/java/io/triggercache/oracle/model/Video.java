package io.triggercache.oracle.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A video: a SINGLE_TABLE subclass of {@link Media}. */
@Entity
@DiscriminatorValue("video")
public class Video extends Media {

    private int seconds;

    protected Video() {
    }

    public Video(long id, String caption, Post post, int seconds) {
        super(id, caption, post);
        this.seconds = seconds;
    }

    public int getSeconds() {
        return seconds;
    }
}
