package io.triggercache.it.server;

import io.triggercache.it.blog.Post;
import io.triggercache.it.blog.Tag;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WARs the way an application packages triggercache: the library jars, JCache API and Ehcache in
 * {@code WEB-INF/lib}, a JTA persistence unit on the server's default data source with the portable listener's
 * mapping file (idle on Hibernate ORM, the change source on EclipseLink), and {@code Dependencies: jdk.unsupported}
 * in the manifest for Ehcache on WildFly.
 */
public final class Wars {

    /** The server a WAR is for: its data source, and how schemas are kept apart. */
    public enum Server {
        /** Hibernate ORM 6.6 on the bundled H2 ExampleDS; each WAR in an H2 schema of its own. */
        WILDFLY("java:jboss/datasources/ExampleDS"),
        /** EclipseLink 4 on the default data source; each Payara Micro runs one WAR. */
        PAYARA("java:comp/DefaultDataSource");

        final String dataSource;

        Server(String dataSource) {
            this.dataSource = dataSource;
        }
    }

    private Wars() {
    }

    /** The jars of {@code target/server-libs} (the library, cache-api, Ehcache, AssertJ for in-container asserts). */
    public static File[] libraries() {
        File dir = new File(Objects.requireNonNull(System.getProperty("it.libs"), "system property it.libs (set by the build)"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length < 10) {
            throw new IllegalStateException("expected the library jars in " + dir + ", found " + Arrays.toString(jars));
        }
        return jars;
    }

    /** A WAR with the library and the blog's entities and beans, named {@code name}.war. */
    public static WebArchive blog(String name, Server server) {
        return base(name, server)
                .addClasses(Post.class, Comment.class, Tag.class, Note.class, PriceChanged.class, PublishedOnly.class, BlogQueries.class,
                        BlogWriter.class, PostArchive.class, Counts.class);
    }

    /** A WAR with the library, the blog's entities and the given classes only. */
    public static WebArchive base(String name, Server server) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(Post.class, Comment.class, Tag.class)
                .addAsLibraries(libraries())
                .addAsResource(new StringAsset(persistenceXml(name, server)), "META-INF/persistence.xml")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.unsupported\n"));
    }

    /** A WAR with the library and the blog's entities but no persistence unit (for beans that never run). */
    public static WebArchive withoutPersistence(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(Post.class, Comment.class, Tag.class)
                .addAsLibraries(libraries())
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.unsupported\n"));
    }

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    /** The persistence unit "blog": JTA, the mapping file of the portable source, a schema per WAR on WildFly. */
    public static String persistenceXml(String name, Server server) {
        String schema = name.replaceAll("[^A-Za-z0-9]", "_");
        String perServer = server == Server.WILDFLY
                ? """
                      <property name="hibernate.default_schema" value="%s"/>
                      <property name="jakarta.persistence.create-database-schemas" value="true"/>
                """.formatted(schema)
                : "";
        return """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="blog" transaction-type="JTA">
                    <jta-data-source>%s</jta-data-source>
                    <mapping-file>META-INF/triggercache-orm.xml</mapping-file>
                    <class>%s</class>
                    <class>%s</class>
                    <class>%s</class>
                    <class>%s</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>
                %s    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(server.dataSource, Post.class.getName(), Comment.class.getName(), Tag.class.getName(), Note.class.getName(), perServer);
    }
}
