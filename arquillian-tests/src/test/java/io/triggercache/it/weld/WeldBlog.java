package io.triggercache.it.weld;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Jpa;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.weld.junit5.WeldInitiator;

/** The Weld SE deployment of the blog: the real extension, the real Hibernate integrator, Ehcache. */
final class WeldBlog {

    private WeldBlog() {
    }

    static WeldInitiator initiator() {
        return WeldInitiator.from(WeldInitiator.createWeld()
                        .addBeanClasses(BlogQueries.class, Jpa.class)
                        .addExtension(new TriggerCacheExtension()))
                .activate(ApplicationScoped.class).build();
    }
}
