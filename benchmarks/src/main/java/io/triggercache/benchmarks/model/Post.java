package io.triggercache.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A blog post (the blog schema of the examples, reduced to what the benchmarks read and write). */
@Entity
@Table(name = "post")
public class Post {

    @Id
    private Long id;
    private String title;
    private long version;
    @ManyToOne(fetch = FetchType.LAZY)
    private Author author;

    public Post() {
    }

    public Post(Long id, String title, Author author) {
        this.id = id;
        this.title = title;
        this.author = author;
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

    /** A counter the write workloads bump, so that a read can tell how old its data is. */
    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Author getAuthor() {
        return author;
    }
}
