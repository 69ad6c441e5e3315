package io.triggercache.cluster.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Changes articles through Hibernate: the commits that invalidate. */
@ApplicationScoped
public class Writer {

    @Inject
    Jpa jpa;

    public void rename(long id, String title) {
        jpa.tx(em -> {
            em.find(Article.class, id).setTitle(title);
            return null;
        });
    }
}
