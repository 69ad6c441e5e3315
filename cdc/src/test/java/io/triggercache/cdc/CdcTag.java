package io.triggercache.cdc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Left at REPLICA IDENTITY DEFAULT by the tests: its updates carry no old image. */
@Entity
@Table(name = "cdc_tag")
public class CdcTag {
    @Id
    private Long id;
    private String label;
    private String bucket;

    protected CdcTag() {
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getBucket() {
        return bucket;
    }
}
