package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity no trigger watches. */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue
    private Long id;

    private String message;

    protected AuditEntry() {
    }

    public AuditEntry(String message) {
        this.message = message;
    }

    public Long getId() {
        return id;
    }
}
