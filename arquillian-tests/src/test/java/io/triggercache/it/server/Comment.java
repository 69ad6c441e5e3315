package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Comment {
    @Id
    @GeneratedValue
    private Long id;
    private String text;
    // EAGER (the JPA default for a to-one): the portable source on EclipseLink can only remember the old post of
    // a comment if it was loaded when the comment was read (see docs/servers.md)
    @ManyToOne(fetch = FetchType.EAGER)
    private Post post;

    protected Comment() {
    }

    public Comment(String text, Post post) {
        this.text = text;
        this.post = post;
    }

    public Long getId() {
        return id;
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
