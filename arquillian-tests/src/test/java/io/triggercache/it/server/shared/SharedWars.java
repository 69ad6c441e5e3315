package io.triggercache.it.server.shared;

import io.triggercache.it.server.Wars;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR deployed on every node of a two-node test: the library (as in {@link Wars}), the article classes, a JTA
 * persistence unit on a data source declared in web.xml that points at the shared H2 server, and EclipseLink's shared
 * object cache off (else node B's EclipseLink would answer from its own copy of what node A changed). The caller adds
 * the store producer of its server.
 */
public final class SharedWars {

    public static final String DATA_SOURCE = "java:app/jdbc/tcshared";

    private SharedWars() {
    }

    public static WebArchive war(String name, String jdbcUrl) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(Article.class, ArticleService.class, ArticleWriter.class, SharedApi.class, ProducedStore.class)
                .addAsLibraries(Wars.libraries())
                .addAsResource(new StringAsset(PERSISTENCE_XML.formatted(DATA_SOURCE, Article.class.getName())), "META-INF/persistence.xml")
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>\n"),
                        "beans.xml")
                .setWebXML(new StringAsset(WEB_XML.formatted(DATA_SOURCE, jdbcUrl, SharedDatabase.USER, SharedDatabase.PASSWORD)))
                // WildFly: Ehcache and Hazelcast read sun.misc.Unsafe; the data source's driver is the server's H2 module
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.unsupported,com.h2database.h2\n"));
    }

    private static final String PERSISTENCE_XML = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="shared" transaction-type="JTA">
                <jta-data-source>%s</jta-data-source>
                <mapping-file>META-INF/triggercache-orm.xml</mapping-file>
                <class>%s</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <shared-cache-mode>NONE</shared-cache-mode>
              </persistence-unit>
            </persistence>
            """;

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <data-source>
                <name>%s</name>
                <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                <url>%s</url>
                <user>%s</user>
                <password>%s</password>
                <transactional>true</transactional>
              </data-source>
            </web-app>
            """;
}
