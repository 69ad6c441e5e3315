package io.triggercache.cluster.node;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity the nodes read and write: an article whose title carries a version number. */
@Entity
@Table(name = "cluster_article")
public class Article {

    @Id
    private Long id;

    private String title;

    protected Article() {
    }

    public Article(Long id, String title) {
        this.id = id;
        this.title = title;
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
