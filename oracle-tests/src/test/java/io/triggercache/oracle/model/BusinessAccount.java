package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A business account: a JOINED subclass of {@link Account} with a company name that can change. */
@Entity
@Table(name = "orc_account_business")
public class BusinessAccount extends Account {

    private String company;

    protected BusinessAccount() {
    }

    public BusinessAccount(long id, long balance, Author owner, String company) {
        super(id, balance, owner);
        this.company = company;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }
}
