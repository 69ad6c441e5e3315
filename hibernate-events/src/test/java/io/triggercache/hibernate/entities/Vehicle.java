package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Joined inheritance: a Car's row is split between {@code vehicle} and {@code car}. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

    @Id
    @GeneratedValue
    private Long id;

    private String plate;

    protected Vehicle() {
    }

    public Vehicle(String plate) {
        this.plate = plate;
    }

    public Long getId() {
        return id;
    }

    public void setPlate(String plate) {
        this.plate = plate;
    }
}
