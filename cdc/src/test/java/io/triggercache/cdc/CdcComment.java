package io.triggercache.cdc;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "cdc_comment")
public class CdcComment {
    @Id
    private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private CdcPost post;

    protected CdcComment() {
    }

    public CdcComment(Long id, String text, CdcPost post) {
        this.id = id;
        this.text = text;
        this.post = post;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public CdcPost getPost() {
        return post;
    }
}
