package io.triggercache.hibernate.entities;

import jakarta.persistence.MappedSuperclass;

/** A mapped superclass: its property is part of every subclass entity's state, but it is no entity type itself. */
@MappedSuperclass
public abstract class Tracked {

    private String createdBy;

    protected Tracked() {
    }

    protected Tracked(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
