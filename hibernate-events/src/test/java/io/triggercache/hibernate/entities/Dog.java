package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {

    private boolean goodBoy;

    protected Dog() {
    }

    public Dog(String name) {
        super(name);
        this.goodBoy = true;
    }

    public boolean isGoodBoy() {
        return goodBoy;
    }
}
