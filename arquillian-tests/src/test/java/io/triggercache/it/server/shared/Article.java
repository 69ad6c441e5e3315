package io.triggercache.it.server.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one entity of the two-node WARs. Its table is created by the test in the shared H2 database (ids are assigned by
 * the test, so nothing depends on a provider's id generation or schema tool).
 */
@Entity
@Table(name = "TC_ARTICLE")
public class Article {

    @Id
    @Column(name = "ID")
    private Long id;

    @Column(name = "TITLE", length = 200)
    private String title;

    protected Article() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
