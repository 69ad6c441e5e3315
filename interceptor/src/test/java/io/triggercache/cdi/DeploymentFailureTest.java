package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Invalid declarations fail the CDI deployment, with every problem in the error the user sees. */
class DeploymentFailureTest {

    @Test
    void invalidDeclarations_failDeployment_withEveryProblemNamed() {
        Throwable t = catchThrowable(() -> {
            try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(BrokenService.class)
                    .addExtension(new TriggerCacheExtension()).initialize()) {
                c.select(BrokenService.class).get();
            }
        });
        assertThat(t).isNotNull();
        assertThat(chain(t)).anyMatch(e -> e instanceof DeploymentException);
        String all = String.join("\n", chain(t).stream().map(String::valueOf).toList());
        assertThat(all)
                .contains("2 invalid @Cached declarations (triggercache):")
                .contains("@Cached on " + BrokenService.class.getName() + ".comments(Post): trigger #1 suffix \"post.idd\": Post has no property \"idd\" (known: id, published, title). Fix the path or use suffixFunction.")
                .contains("@Cached on " + BrokenService.class.getName() + ".report(String): ttl \"whenever\" is not a positive duration.");
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable x = t; x != null && !out.contains(x); x = x.getCause()) {
            out.add(x);
        }
        return out;
    }
}
