package io.triggercache.oracle.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;

/** An embeddable holding a collection: an author's e-mail and ordered phone numbers. */
@Embeddable
public class ContactCard {

    private String email;

    @ElementCollection
    @CollectionTable(name = "orc_author_phone")
    @OrderColumn(name = "phone_index")
    @Column(name = "phone")
    private List<String> phones = new ArrayList<>();

    protected ContactCard() {
    }

    public ContactCard(String email, List<String> phones) {
        this.email = email;
        this.phones = new ArrayList<>(phones);
    }

    public String getEmail() {
        return email;
    }

    public List<String> getPhones() {
        return phones;
    }

    public void setPhones(List<String> phones) {
        this.phones = phones;
    }
}
