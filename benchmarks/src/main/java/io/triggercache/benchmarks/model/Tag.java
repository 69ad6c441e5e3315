package io.triggercache.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tag; in B6 the entity type that the triggers not matching the changed type watch. */
@Entity
@Table(name = "tag")
public class Tag {

    @Id
    private Long id;
    private String label;

    public Tag() {
    }

    public Tag(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
