package io.triggercache.oracle.model;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Versioned media attached to a post: a SINGLE_TABLE hierarchy ({@link Image}, {@link Video}). */
@Entity
@Table(name = "orc_media")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Media {

    @Id
    private Long id;

    @Version
    private long version;

    private String caption;

    @ManyToOne(fetch = FetchType.LAZY)
    private Post post;

    protected Media() {
    }

    protected Media(long id, String caption, Post post) {
        this.id = id;
        this.caption = caption;
        this.post = post;
    }

    public Long getId() {
        return id;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public Post getPost() {
        return post;
    }

    public void setPost(Post post) {
        this.post = post;
    }
}
