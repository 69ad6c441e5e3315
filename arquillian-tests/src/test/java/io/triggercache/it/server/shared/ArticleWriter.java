package io.triggercache.it.server.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The write of the two-node WARs: one JTA transaction that commits on return. */
@ApplicationScoped
@Transactional
public class ArticleWriter {

    @PersistenceContext(unitName = "shared")
    EntityManager em;

    public void setTitle(long id, String title) {
        em.find(Article.class, id).setTitle(title);
    }
}
