package io.triggercache.oracle.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** An image: a SINGLE_TABLE subclass of {@link Media}. */
@Entity
@DiscriminatorValue("image")
public class Image extends Media {

    private int width;

    protected Image() {
    }

    public Image(long id, String caption, Post post, int width) {
        super(id, caption, post);
        this.width = width;
    }

    public int getWidth() {
        return width;
    }
}
