package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A personal account: a JOINED subclass of {@link Account}. */
@Entity
@Table(name = "orc_account_personal")
public class PersonalAccount extends Account {

    private String nickname;

    protected PersonalAccount() {
    }

    public PersonalAccount(long id, long balance, Author owner, String nickname) {
        super(id, balance, owner);
        this.nickname = nickname;
    }

    public String getNickname() {
        return nickname;
    }
}
