package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.triggercache.CacheStatistics;
import io.triggercache.Cached;
import io.triggercache.engine.MethodDefinition;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity triggers that can never fire (issue 11, point 6): a persistence unit of the deployment with no triggercache
 * change source (EclipseLink without the portable mapping file, Hibernate without triggercache-hibernate, the
 * Hibernate source switched off) fails the deployment, naming the method, the trigger, the unit and the fix.
 */
class PersistenceUnitCheckTest {

    static final String ECLIPSELINK = "org.eclipse.persistence.jpa.PersistenceProvider";

    @TempDir
    Path root;

    @Test
    void eclipseLinkUnitWithoutTheMappingFile_failsTheDeployment_namingMethodTriggerUnitAndFix() throws Exception {
        ClassLoader loader = deployment(unit(ECLIPSELINK, List.of(Comment.class, Post.class), List.of(), ""), false);

        Throwable t = boot(loader);

        assertThat(t).isNotNull();
        assertThat(chain(t)).anyMatch(e -> e instanceof DeploymentException);
        String all = String.join("\n", chain(t).stream().map(String::valueOf).toList());
        assertThat(all)
                .contains("1 invalid @Cached declaration (triggercache):")
                .contains("@Cached on " + CommentCountService.class.getName() + ".commentCount(long): trigger #1 on entity "
                        + Comment.class.getName() + " can never fire: no triggercache change source reports the writes of "
                        + "persistence unit \"shop\" (")
                .contains("provider " + ECLIPSELINK + ", and no mapping file names io.triggercache.jpa.TriggerCacheEntityListener")
                .contains("Fix: add <mapping-file>META-INF/triggercache-orm.xml</mapping-file> to the unit");
    }

    @Test
    void eclipseLinkUnitWithTheMappingFile_deploys_andCaches() throws Exception {
        ClassLoader loader = deployment(unit(ECLIPSELINK, List.of(Comment.class, Post.class), List.of("META-INF/triggercache-orm.xml"), ""), true);
        CommentCountService.loads.set(0);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try (WeldContainer c = weld().initialize()) {
            CommentCountService s = c.select(CommentCountService.class).get();
            assertThat(s.commentCount(3)).isEqualTo(30);
            assertThat(s.commentCount(3)).isEqualTo(30);
            assertThat(CommentCountService.loads).hasValue(1);
            assertThat(c.select(CacheStatistics.class).get().all()).singleElement()
                    .satisfies(m -> assertThat(m.hits()).isEqualTo(1));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void defaultOrmXmlNamingTheListener_countsAsTheSource() throws Exception {
        Path orm = root.resolve("META-INF/orm.xml");
        Files.createDirectories(orm.getParent());
        Files.writeString(orm, ormXml());
        ClassLoader loader = deployment(unit(ECLIPSELINK, List.of(Comment.class), List.of(), ""), false);

        assertThat(PersistenceUnits.problems(loader, definitions())).isEmpty();
    }

    @Test
    void hibernateUnitWithoutTriggercacheHibernate_isReported() throws Exception {
        // this module's tests have neither Hibernate nor triggercache-hibernate on the class path
        ClassLoader loader = deployment(unit("org.hibernate.jpa.HibernatePersistenceProvider", List.of(Comment.class), List.of(), ""), false);

        assertThat(PersistenceUnits.problems(loader, definitions())).singleElement().asString()
                .contains("provider org.hibernate.jpa.HibernatePersistenceProvider, but triggercache-hibernate "
                        + "(io.triggercache.hibernate.TriggerCacheIntegrator) is not on the class path");
    }

    @Test
    void noProviderNamed_hibernateNotVisible_isReported() throws Exception {
        ClassLoader loader = deployment(unit(null, List.of(), List.of(), ""), false);

        assertThat(PersistenceUnits.problems(loader, definitions())).singleElement().asString()
                .contains("no provider named, Hibernate ORM not visible, and no mapping file names");
    }

    @Test
    void entityNoUnitMaps_isNotJudged() throws Exception {
        ClassLoader loader = deployment(unit(ECLIPSELINK, List.of(Post.class), List.of(), ""), false);

        assertThat(PersistenceUnits.problems(loader, definitions())).isEmpty();
    }

    @Test
    void oneUnitWithASource_isEnough() throws Exception {
        String two = unit(ECLIPSELINK, List.of(Comment.class), List.of(), "").replace("name=\"shop\"", "name=\"reporting\"")
                + unit(ECLIPSELINK, List.of(Comment.class), List.of("META-INF/triggercache-orm.xml"), "");
        ClassLoader loader = deployment(two, true);

        assertThat(PersistenceUnits.problems(loader, definitions())).isEmpty();
    }

    @Test
    void noPersistenceXml_orCheckSwitchedOff_nothingIsJudged() throws Exception {
        assertThat(PersistenceUnits.problems(new URLClassLoader(new URL[] {root.toUri().toURL()}, null), definitions())).isEmpty();

        ClassLoader loader = deployment(unit(ECLIPSELINK, List.of(Comment.class), List.of(), ""), false);
        System.setProperty(PersistenceUnits.SKIP, "false");
        try {
            assertThat(PersistenceUnits.problems(loader, definitions())).isEmpty();
        } finally {
            System.clearProperty(PersistenceUnits.SKIP);
        }
        assertThat(PersistenceUnits.problems(loader, definitions())).hasSize(1);
    }

    @Test
    void parse_readsProviderClassesMappingFilesJarFilesAndProperties() throws Exception {
        Path file = root.resolve("p.xml");
        Files.writeString(file, persistence(unit(ECLIPSELINK, List.of(Comment.class), List.of("META-INF/a.xml"),
                "<jar-file>lib/model.jar</jar-file><properties><property name=\"io.triggercache.hibernate.enabled\" value=\"false\"/></properties>")));
        try (var in = Files.newInputStream(file)) {
            List<PersistenceUnits.Unit> units = PersistenceUnits.parse(file.toUri().toURL(), in);
            assertThat(units).singleElement().satisfies(u -> {
                assertThat(u.name()).isEqualTo("shop");
                assertThat(u.provider()).isEqualTo(ECLIPSELINK);
                assertThat(u.classes()).containsExactly(Comment.class.getName());
                assertThat(u.mappingFiles()).containsExactly("META-INF/a.xml");
                assertThat(u.jarFiles()).isTrue();
                assertThat(u.properties()).containsEntry("io.triggercache.hibernate.enabled", "false");
                assertThat(u.mayMap(Post.class)).as("a jar file may map anything").isTrue();
            });
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static List<MethodDefinition> definitions() throws NoSuchMethodException {
        Method m = CommentCountService.class.getMethod("commentCount", long.class);
        return List.of(new MethodDefinition(CommentCountService.class, m, m.getAnnotation(Cached.class), false));
    }

    static String unit(String provider, List<Class<?>> classes, List<String> mappingFiles, String extra) {
        StringBuilder sb = new StringBuilder("<persistence-unit name=\"shop\" transaction-type=\"RESOURCE_LOCAL\">");
        if (provider != null) {
            sb.append("<provider>").append(provider).append("</provider>");
        }
        for (String m : mappingFiles) {
            sb.append("<mapping-file>").append(m).append("</mapping-file>");
        }
        for (Class<?> c : classes) {
            sb.append("<class>").append(c.getName()).append("</class>");
        }
        return sb.append(extra).append("</persistence-unit>").toString();
    }

    static String persistence(String units) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">"
                + units + "</persistence>";
    }

    static String ormXml() {
        return "<entity-mappings xmlns=\"https://jakarta.ee/xml/ns/persistence/orm\" version=\"3.0\"><persistence-unit-metadata>"
                + "<persistence-unit-defaults><entity-listeners><entity-listener class=\"io.triggercache.jpa.TriggerCacheEntityListener\"/>"
                + "</entity-listeners></persistence-unit-defaults></persistence-unit-metadata></entity-mappings>";
    }

    /** A class loader over the test classes that also sees {@code META-INF/persistence.xml} with {@code units}. */
    ClassLoader deployment(String units, boolean withPortableMapping) throws IOException {
        Path p = root.resolve("META-INF/persistence.xml");
        Files.createDirectories(p.getParent());
        Files.writeString(p, persistence(units));
        if (withPortableMapping) {
            Files.writeString(root.resolve("META-INF/triggercache-orm.xml"), ormXml());
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, PersistenceUnitCheckTest.class.getClassLoader());
    }

    static Weld weld() {
        return new Weld().disableDiscovery().addBeanClasses(CommentCountService.class).addExtension(new TriggerCacheExtension());
    }

    static Throwable boot(ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return catchThrowable(() -> {
                try (WeldContainer c = weld().initialize()) {
                    c.select(CommentCountService.class).get().commentCount(1);
                }
            });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable x = t; x != null && !out.contains(x); x = x.getCause()) {
            out.add(x);
        }
        return out;
    }
}
