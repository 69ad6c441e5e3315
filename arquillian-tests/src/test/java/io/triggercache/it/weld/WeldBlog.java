package io.triggercache.it.weld;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Jpa;
import io.triggercache.it.blog.JpaSettings;
import io.triggercache.it.jdbc.Titles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.weld.junit.MockBean;
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

    /** The blog plus {@link Titles}, with {@code properties} added to the persistence unit's. */
    static WeldInitiator initiator(Map<String, Object> properties) {
        JpaSettings settings = () -> properties;
        return WeldInitiator.from(WeldInitiator.createWeld()
                        .addBeanClasses(BlogQueries.class, Titles.class, Jpa.class)
                        .addExtension(new TriggerCacheExtension()))
                .addBeans(MockBean.builder().types(JpaSettings.class).creating(settings).build())
                .activate(ApplicationScoped.class).build();
    }
}
