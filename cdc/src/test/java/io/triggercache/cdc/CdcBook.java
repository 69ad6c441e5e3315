package io.triggercache.cdc;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A subclass in its own table (joined inheritance). */
@Entity
@Table(name = "cdc_book")
public class CdcBook extends CdcItem {
    private String author;

    protected CdcBook() {
    }

    public String getAuthor() {
        return author;
    }
}
