package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;

@Entity
public class Car extends Vehicle {

    private int seats;

    protected Car() {
    }

    public Car(String plate, int seats) {
        super(plate);
        this.seats = seats;
    }

    public int getSeats() {
        return seats;
    }
}
