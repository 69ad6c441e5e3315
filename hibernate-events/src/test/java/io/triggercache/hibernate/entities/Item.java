package io.triggercache.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child of {@link Basket}: it owns the foreign key. */
@Entity
public class Item {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToOne
    private Basket basket;

    protected Item() {
    }

    public Item(String name, Basket basket) {
        this.name = name;
        this.basket = basket;
    }

    public Long getId() {
        return id;
    }

    public void setBasket(Basket basket) {
        this.basket = basket;
    }
}
