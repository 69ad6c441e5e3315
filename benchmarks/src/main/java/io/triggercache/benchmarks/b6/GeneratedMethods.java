package io.triggercache.benchmarks.b6;

import io.triggercache.benchmarks.model.Author;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.model.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A class with as many {@code @Cached} methods as B6 declares (10, 100, 1,000), written as source and
 * compiled with the JDK's compiler when the benchmark starts, so that the engine sees real, distinct,
 * annotated methods, exactly as a deployment with that many cached methods would.
 *
 * <p>The first {@code matching} methods have a trigger on {@link Comment} (the type of the change B6
 * dispatches); the others trigger on {@link Post}, {@link Author} or {@link Tag} in turn, so they are declared
 * but do not match.
 */
public final class GeneratedMethods {

    public static final String CACHE = "b6-dispatch";
    private static final String PACKAGE = "io.triggercache.benchmarks.generated";

    private GeneratedMethods() {
    }

    /** The cached methods of a freshly compiled class, in declaration order. */
    public static List<Method> compile(int count, int matching) throws IOException, ReflectiveOperationException {
        return compile(count, matching, true);
    }

    /**
     * As {@link #compile(int, int)}; with {@code othersTriggered} false the methods past {@code matching} have
     * no trigger at all.
     */
    public static List<Method> compile(int count, int matching, boolean othersTriggered) throws IOException, ReflectiveOperationException {
        String simpleName = "Declared" + count + "x" + matching + (othersTriggered ? "" : "u");
        StringBuilder src = new StringBuilder();
        src.append("package ").append(PACKAGE).append(";\n\n")
                .append("import io.triggercache.Cached;\nimport io.triggercache.Trigger;\n\n")
                .append("public class ").append(simpleName).append(" {\n");
        Class<?>[] others = {Post.class, Author.class, Tag.class};
        for (int i = 0; i < count; i++) {
            if (i < matching) {
                src.append("    @Cached(suffix = \"postId\", cache = \"").append(CACHE).append("\", triggers = @Trigger(entity = ")
                        .append(Comment.class.getName()).append(".class, suffix = \"post.id\"))\n")
                        .append("    public String ").append(name(i)).append("(long postId) {\n        return \"m").append(i).append("\";\n    }\n");
            } else if (!othersTriggered) {
                src.append("    @Cached(suffix = \"id\", cache = \"").append(CACHE).append("\")\n")
                        .append("    public String ").append(name(i)).append("(long id) {\n        return \"m").append(i).append("\";\n    }\n");
            } else {
                src.append("    @Cached(suffix = \"id\", cache = \"").append(CACHE).append("\", triggers = @Trigger(entity = ")
                        .append(others[i % others.length].getName()).append(".class, suffix = \"id\"))\n")
                        .append("    public String ").append(name(i)).append("(long id) {\n        return \"m").append(i).append("\";\n    }\n");
            }
        }
        src.append("}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("B6 dispatch compiles its declarations at start-up and needs a JDK, not a JRE: run it with a JDK's java");
        }
        Path dir = Files.createTempDirectory("triggercache-b6-");
        Path srcDir = Files.createDirectories(dir.resolve("src").resolve(PACKAGE.replace('.', '/')));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = srcDir.resolve(simpleName + ".java");
        Files.writeString(file, src, StandardCharsets.UTF_8);
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("-parameters", "-proc:none", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
        if (!ok) {
            throw new IllegalStateException("compiling the generated declarations failed:\n" + diagnostics);
        }
        // the loader stays open for the life of the benchmark's JVM: the engine holds its methods
        @SuppressWarnings("resource")
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, GeneratedMethods.class.getClassLoader());
        Class<?> type = loader.loadClass(PACKAGE + "." + simpleName);
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().startsWith("m")) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparingInt(m -> Integer.parseInt(m.getName().replaceAll("\\D", ""))));
        return methods;
    }

    /**
     * The name of method {@code i}. The number is followed by a word so that two names' hash codes differ by
     * far more than the range of the ids used as keys, as distinct method names in an application do: names
     * that differ only in a last digit ({@code m1}, {@code m2}) have hash codes one apart, and the library's
     * keys, which combine the name's hash linearly with the id's, then collide in bulk (see BENCHMARKS.md).
     */
    static String name(int i) {
        return System.getProperty("triggercache.benchmarks.collidingNames") != null ? "m" + i : "m" + i + "Result";
    }
}
