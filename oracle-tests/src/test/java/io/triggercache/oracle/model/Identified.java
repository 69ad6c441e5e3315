package io.triggercache.oracle.model;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The mapped superclass of the oracle's main entities: an identifier the oracle assigns, so every database numbers alike. */
@MappedSuperclass
public abstract class Identified {

    @Id
    private Long id;

    protected Identified() {
    }

    protected Identified(long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }
}
