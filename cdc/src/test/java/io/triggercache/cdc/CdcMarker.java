package io.triggercache.cdc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row the tests write after their own writes: once the capture reports it, it has reported everything before it. */
@Entity
@Table(name = "cdc_marker")
public class CdcMarker {
    @Id
    private Long id;

    protected CdcMarker() {
    }

    public Long getId() {
        return id;
    }
}
