package io.triggercache.cdc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "cdc_post")
public class CdcPost {
    @Id
    private Long id;
    private String title;
    private String category;

    protected CdcPost() {
    }

    public CdcPost(Long id, String title, String category) {
        this.id = id;
        this.title = title;
        this.category = category;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getCategory() {
        return category;
    }
}
