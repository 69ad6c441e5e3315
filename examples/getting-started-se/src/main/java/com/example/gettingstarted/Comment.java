package com.example.gettingstarted;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Comment {
    @Id @GeneratedValue Long id;
    String text;
    @ManyToOne(fetch = FetchType.LAZY) Post post;

    protected Comment() {
    }

    public Comment(Post post, String text) {
        this.post = post;
        this.text = text;
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
}
