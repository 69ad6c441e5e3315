package io.triggercache.oracle.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A post without {@code @Version}: an enum and a converted value in suffixes, a lazy author, comments with
 * cascade and orphan removal, tags (many-to-many, owning side) and ratings (element collection of embeddables).
 */
@Entity
@Table(name = "orc_post")
public class Post extends Identified {

    private String title;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Convert(converter = CategoryConverter.class)
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    private Author author;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Comment> comments = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "orc_post_tag")
    private Set<Tag> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "orc_post_rating")
    private List<Rating> ratings = new ArrayList<>();

    protected Post() {
    }

    public Post(long id, String title, Status status, Category category, Author author) {
        super(id);
        this.title = title;
        this.status = status;
        this.category = category;
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public List<Comment> getComments() {
        return comments;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public void setTags(Set<Tag> tags) {
        this.tags = tags;
    }

    public List<Rating> getRatings() {
        return ratings;
    }

    public void setRatings(List<Rating> ratings) {
        this.ratings = ratings;
    }
}
