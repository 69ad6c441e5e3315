package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A comment without {@code @Version}, on a lazy post: the entity of moves, lost updates and every write path. */
@Entity
@Table(name = "orc_comment")
public class Comment extends Identified {

    private String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Post post;

    protected Comment() {
    }

    public Comment(long id, String text, Post post) {
        super(id);
        this.text = text;
        this.post = post;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Post getPost() {
        return post;
    }

    public void setPost(Post post) {
        this.post = post;
    }
}
