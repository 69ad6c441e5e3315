package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A versioned account owned by an author: a JOINED hierarchy ({@link PersonalAccount}, {@link BusinessAccount}). */
@Entity
@Table(name = "orc_account")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Account {

    @Id
    private Long id;

    @Version
    private long version;

    private long balance;

    @ManyToOne(fetch = FetchType.LAZY)
    private Author owner;

    protected Account() {
    }

    protected Account(long id, long balance, Author owner) {
        this.id = id;
        this.balance = balance;
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    public Author getOwner() {
        return owner;
    }

    public void setOwner(Author owner) {
        this.owner = owner;
    }
}
