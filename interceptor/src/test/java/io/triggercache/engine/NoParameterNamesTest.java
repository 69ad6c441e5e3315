package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class compiled without -parameters: a path naming a parameter fails with the fix; positions work. */
class NoParameterNamesTest {

    @TempDir
    Path dir;

    private Class<?> compileWithoutParameters(String name, String body) throws Exception {
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, "import io.triggercache.Cached;\npublic class " + name + " {\n" + body + "\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), src.toString());
        assertThat(rc).as("javac exit code").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(name);
    }

    @Test
    void pathNamingAParameter_withoutParameterNames_saysHowToFixIt() throws Exception {
        Class<?> type = compileWithoutParameters("Legacy", "@Cached(key = \"id\") public String find(long id) { return \"\"; }");
        assertThat(type.getMethod("find", long.class).getParameters()[0].isNamePresent()).isFalse();

        InvalidDeclarationsException e = catchThrowableOfType(InvalidDeclarationsException.class, () -> Harness.build(type));
        assertThat(e.problems()).containsExactly("@Cached on Legacy.find(long): key \"id\": parameter names are not available, because the class was compiled without -parameters. Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>), or use a position such as \"#0\".");
    }

    @Test
    void positionsAndDefaultKeys_workWithoutParameterNames() throws Exception {
        Class<?> type = compileWithoutParameters("Legacy2",
                "@Cached(key = \"#0\") public String a(long id) { return \"\"; }\n"
                        + "@Cached public String b(long id, String s) { return \"\"; }");
        try (TriggerCacheEngine engine = Harness.build(type)) {
            assertThat(engine.names()).isEqualTo(List.of("Legacy2.a", "Legacy2.b"));
        }
    }
}
