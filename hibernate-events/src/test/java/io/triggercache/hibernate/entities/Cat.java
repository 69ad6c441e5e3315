package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;

@Entity
public class Cat extends Animal {

    private int lives;

    protected Cat() {
    }

    public Cat(String name) {
        super(name);
        this.lives = 9;
    }

    public int getLives() {
        return lives;
    }
}
