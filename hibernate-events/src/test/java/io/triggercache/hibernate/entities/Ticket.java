package io.triggercache.hibernate.entities;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.NaturalId;

/** An entity with a version, a natural id, an enum, a converted value and a mapped superclass. */
@Entity
public class Ticket extends Tracked {

    /** Where a ticket is in its life. */
    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String code;

    @Version
    private int version;

    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;

    @Convert(converter = MoneyConverter.class)
    private Money price;

    protected Ticket() {
    }

    public Ticket(String code, String createdBy, Money price) {
        super(createdBy);
        this.code = code;
        this.price = price;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public void setPrice(Money price) {
        this.price = price;
    }
}
