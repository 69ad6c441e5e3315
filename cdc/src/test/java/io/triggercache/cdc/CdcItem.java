package io.triggercache.cdc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/** The root of a joined hierarchy, with a secondary table. */
@Entity
@Table(name = "cdc_item")
@SecondaryTable(name = "cdc_item_detail")
@Inheritance(strategy = InheritanceType.JOINED)
public class CdcItem {
    @Id
    private Long id;
    private String shelf;
    @Column(table = "cdc_item_detail")
    private String color;

    protected CdcItem() {
    }

    public Long getId() {
        return id;
    }

    public String getShelf() {
        return shelf;
    }

    public String getColor() {
        return color;
    }
}
