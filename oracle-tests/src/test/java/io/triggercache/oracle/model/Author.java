package io.triggercache.oracle.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.NaturalId;

/** A versioned author with a natural id, an element collection of basics and an embeddable holding a collection. */
@Entity
@Table(name = "orc_author")
public class Author extends Identified {

    @NaturalId
    private String handle;

    private String displayName;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "orc_author_nickname")
    @Column(name = "nickname")
    private Set<String> nicknames = new HashSet<>();

    @Embedded
    private ContactCard contact;

    protected Author() {
    }

    public Author(long id, String handle, String displayName, ContactCard contact) {
        super(id);
        this.handle = handle;
        this.displayName = displayName;
        this.contact = contact;
    }

    public String getHandle() {
        return handle;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public long getVersion() {
        return version;
    }

    public Set<String> getNicknames() {
        return nicknames;
    }

    public void setNicknames(Set<String> nicknames) {
        this.nicknames = nicknames;
    }

    public ContactCard getContact() {
        return contact;
    }

    public void setContact(ContactCard contact) {
        this.contact = contact;
    }
}
