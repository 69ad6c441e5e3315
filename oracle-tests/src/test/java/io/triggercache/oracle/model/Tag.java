package io.triggercache.oracle.model;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.NaturalId;

/** A tag: the inverse side of {@link Post#getTags()}, with an immutable natural id and a label that can change. */
@Entity
@Table(name = "orc_tag")
public class Tag extends Identified {

    @NaturalId
    private String code;

    private String label;

    @ManyToMany(mappedBy = "tags")
    private Set<Post> posts = new HashSet<>();

    protected Tag() {
    }

    public Tag(long id, String code, String label) {
        super(id);
        this.code = code;
        this.label = label;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Set<Post> getPosts() {
        return posts;
    }
}
