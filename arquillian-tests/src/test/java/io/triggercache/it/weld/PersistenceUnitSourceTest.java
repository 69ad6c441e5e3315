package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.it.blog.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistence unit on Hibernate ORM whose triggercache change source is switched off in persistence.xml
 * ({@code io.triggercache.hibernate.enabled=false}) fails the deployment of entity triggers on its entities (issue
 * 11, point 6): they could never fire. With Hibernate ORM and triggercache-hibernate on the class path (this
 * module's), the same unit without the switch deploys and caches.
 */
class PersistenceUnitSourceTest {

    @ApplicationScoped
    public static class CommentCounts {
        static final AtomicInteger loads = new AtomicInteger();

        @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
        public int count(long postId) {
            loads.incrementAndGet();
            return (int) postId;
        }
    }

    @TempDir
    Path root;

    @Test
    void hibernateSourceSwitchedOffInPersistenceXml_failsTheDeployment() throws Exception {
        ClassLoader loader = deployment("<property name=\"io.triggercache.hibernate.enabled\" value=\"false\"/>");

        Throwable t = boot(loader);

        assertThat(t).isNotNull();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable x = t; x != null && !chain.contains(x); x = x.getCause()) {
            chain.add(x);
        }
        assertThat(chain).anyMatch(e -> e instanceof DeploymentException);
        assertThat(String.join("\n", chain.stream().map(String::valueOf).toList()))
                .contains("@Cached on " + CommentCounts.class.getName() + ".count(long): trigger #1 on entity " + Comment.class.getName()
                        + " can never fire")
                .contains("persistence unit \"orders\"")
                .contains("provider org.hibernate.jpa.HibernatePersistenceProvider, but its property io.triggercache.hibernate.enabled=false "
                        + "switches the Hibernate change source off")
                .contains("and remove io.triggercache.hibernate.enabled=false");
    }

    @Test
    void hibernateSourceOn_deploysAndCaches() throws Exception {
        ClassLoader loader = deployment("");
        CommentCounts.loads.set(0);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try (WeldContainer c = weld().initialize()) {
            CommentCounts counts = c.select(CommentCounts.class).get();
            assertThat(counts.count(4)).isEqualTo(4);
            assertThat(counts.count(4)).isEqualTo(4);
            assertThat(CommentCounts.loads).hasValue(1);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The test classes, with only this test's persistence.xml (not the module's own "blog" unit). */
    ClassLoader deployment(String properties) throws IOException {
        Path p = root.resolve("META-INF/persistence.xml");
        Files.createDirectories(p.getParent());
        Files.writeString(p, """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="orders" transaction-type="RESOURCE_LOCAL">
                    <provider>org.hibernate.jpa.HibernatePersistenceProvider</provider>
                    <class>%s</class>
                    <properties>%s</properties>
                  </persistence-unit>
                </persistence>
                """.formatted(Comment.class.getName(), properties));
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, PersistenceUnitSourceTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/persistence.xml") ? findResources(name) : super.getResources(name);
            }
        };
    }

    static Weld weld() {
        return new Weld("units-" + System.nanoTime()).disableDiscovery().addBeanClasses(CommentCounts.class).addExtension(new TriggerCacheExtension());
    }

    static Throwable boot(ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return catchThrowable(() -> {
                try (WeldContainer c = weld().initialize()) {
                    c.select(CommentCounts.class).get().count(1);
                }
            });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
