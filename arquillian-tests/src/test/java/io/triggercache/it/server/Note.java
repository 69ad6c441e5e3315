package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A note on a post, whose post is LAZY: the case where the portable JPA source may not know the old post. */
@Entity
public class Note {
    @Id
    @GeneratedValue
    private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY)
    private Post post;

    protected Note() {
    }

    public Note(String text, Post post) {
        this.text = text;
        this.post = post;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public Post getPost() {
        return post;
    }

    public void setPost(Post post) {
        this.post = post;
    }
}
