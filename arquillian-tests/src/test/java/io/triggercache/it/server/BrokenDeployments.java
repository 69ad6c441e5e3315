package io.triggercache.it.server;

import io.triggercache.it.blog.Post;

import io.triggercache.it.server.broken.ArityMismatch;
import io.triggercache.it.server.broken.BadTtl;
import io.triggercache.it.server.broken.EntityAsKey;
import io.triggercache.it.server.broken.FinalMethod;
import io.triggercache.it.server.broken.ManyProblems;
import io.triggercache.it.server.broken.NotAnEntity;
import io.triggercache.it.server.broken.ParameterLeftOutOfKey;
import io.triggercache.it.server.broken.PrivateMethod;
import io.triggercache.it.server.broken.StaticMethod;
import io.triggercache.it.server.broken.SuffixAndSuffixFunction;
import io.triggercache.it.server.broken.TriggerSuffixWithoutMethodSuffix;
import io.triggercache.it.server.broken.UnknownMethodProperty;
import io.triggercache.it.server.broken.UnknownTriggerProperty;
import io.triggercache.it.server.broken.UnresolvableChecker;
import io.triggercache.it.server.broken.VoidMethod;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WARs with invalid declarations, one kind of mistake each, and the message lines the user must read when the
 * deployment fails (the texts of the engine's validation rules, as in {@code ValidationTest}).
 */
public final class BrokenDeployments {

    private BrokenDeployments() {
    }

    /** A WAR with the library, the entities (no persistence unit: the mistakes are in the beans) and {@code beans}. */
    public static WebArchive war(String name, Class<?>... beans) {
        return Wars.withoutPersistence(name).addClasses(beans);
    }

    public static String where(Class<?> type, String method) {
        return "@Cached on " + type.getName() + "." + method + ": ";
    }

    public static final String POST_PROPERTIES = "id, published, tags, title";

    public static final String UNKNOWN_METHOD_PROPERTY = where(UnknownMethodProperty.class, "m(Post)")
            + "suffix \"post.idd\": Post has no property \"idd\" (known: " + POST_PROPERTIES + "). Fix the path, or key on a property with a getter.";
    public static final String UNKNOWN_TRIGGER_PROPERTY = where(UnknownTriggerProperty.class, "m(Post)")
            + "trigger #1 suffix \"post.idd\": Post has no property \"idd\" (known: " + POST_PROPERTIES + "). Fix the path or use suffixFunction.";
    public static final String ARITY = where(ArityMismatch.class, "m(Post)")
            + "trigger #1 has 2 suffix parts but the method's suffix has 1 (\"post.id\"). Give one path per method suffix part, in the same order.";
    public static final String SUFFIX_WITHOUT_METHOD_SUFFIX = where(TriggerSuffixWithoutMethodSuffix.class, "m()")
            + "trigger #1 has a suffix (\"post.id\") but the method has none, so there are no groups to drop. Add suffix = \"...\" to @Cached, or remove the trigger's suffix to drop every entry of the method.";
    public static final String BOTH_SUFFIXES = where(SuffixAndSuffixFunction.class, "m(Post)")
            + "trigger #1 sets both suffix and suffixFunction. Keep one of them.";
    public static final String PARAMETER_LEFT_OUT = where(ParameterLeftOutOfKey.class, "m(Post, int)")
            + "parameter \"page\" is not part of the key, so calls that differ only in it would share one entry. Add \"page\" (or a property of it) to key (or suffix).";
    public static final String ENTITY_AS_KEY = where(EntityAsKey.class, "m(Post)")
            + "key part \"post\" is an entity (Post) used whole; entities are mutable and compare by identity or id inconsistently, so entries would not be found or would be shared wrongly. Key on its id instead, e.g. \"post.id\".";
    public static final String VOID = where(VoidMethod.class, "m()")
            + "the method returns void, so there is no result to cache. Remove @Cached from it.";
    public static final String PRIVATE = where(PrivateMethod.class, "m()")
            + "the method is private, and the container never intercepts private methods, so it would not be cached. Make it public (or protected), or remove @Cached.";
    public static final String STATIC = where(StaticMethod.class, "m()")
            + "the method is static, and the container never intercepts static methods, so it would not be cached. Make it an instance method, or remove @Cached.";
    public static final String FINAL = where(FinalMethod.class, "m()")
            + "the method is final, so the container cannot intercept it and it would not be cached. Remove final, or remove @Cached.";
    public static final String BAD_TTL = where(BadTtl.class, "m()")
            + "ttl \"10 minutes\" is not a positive duration. Use ISO-8601 (\"PT10M\") or a number with ms, s, m, h or d (\"10m\", \"30s\").";
    public static final String UNRESOLVABLE_CHECKER = where(UnresolvableChecker.class, "m()")
            + "trigger #1 checker " + UnresolvableChecker.NeedsArgument.class.getName()
            + " is neither a bean nor a class with a public no-argument constructor. Make it a bean (e.g. @ApplicationScoped) or give it a public no-argument constructor.";
    public static final String NOT_AN_ENTITY = where(NotAnEntity.class, "m()")
            + "trigger #1 entity java.lang.String is not a JPA @Entity, so no change of it is ever reported. Name an entity class, or use event = String.class for an application event.";
    public static final String NO_PARAMETER_NAMES = "@Cached on " + NoParameterNames.NAME + ".m(long): "
            + "suffix \"postId\": parameter names are not available, because the class was compiled without -parameters. Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>), or use a position such as \"#0\".";

    public static final List<String> MANY = List.of(
            "4 invalid @Cached declarations (triggercache):",
            where(ManyProblems.class, "a()") + "the method returns void",
            where(ManyProblems.class, "a()") + "ttl \"soon\" is not a positive duration",
            where(ManyProblems.class, "b(Post, int)") + "suffix \"post.idd\": Post has no property \"idd\"",
            where(ManyProblems.class, "b(Post, int)") + "trigger #1 has 2 suffix parts but the method's suffix has 1");

    /** A bean compiled here, at test time, without {@code -parameters}: its parameter names are lost. */
    public static final class NoParameterNames {
        public static final String NAME = "io.triggercache.it.broken.compiled.NoParameterNames";
        private static final String SOURCE = """
                package io.triggercache.it.broken.compiled;

                @jakarta.enterprise.context.ApplicationScoped
                public class NoParameterNames {
                    @io.triggercache.Cached(suffix = "postId")
                    public String m(long postId) {
                        return "";
                    }
                }
                """;

        private NoParameterNames() {
        }

        /** Compiles the bean with javac (release 17, no -parameters) and adds its class file to {@code war}. */
        public static WebArchive addTo(WebArchive war) {
            try {
                Path dir = Files.createTempDirectory("no-parameters");
                Path src = dir.resolve("NoParameterNames.java");
                Files.writeString(src, SOURCE);
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                StringWriter out = new StringWriter();
                boolean ok = javac.getTask(out, null, null, List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", dir.toString()),
                        null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile())).call();
                if (!ok) {
                    throw new IllegalStateException("javac failed: " + out);
                }
                Path classFile = dir.resolve("io/triggercache/it/broken/compiled/NoParameterNames.class");
                return war.addAsWebInfResource(classFile.toFile(), "classes/io/triggercache/it/broken/compiled/NoParameterNames.class");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
