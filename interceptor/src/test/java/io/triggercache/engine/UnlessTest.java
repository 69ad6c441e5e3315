package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.Unless;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @Cached(unless = ...)}: a result the condition rejects is returned but not stored (issue 13). */
class UnlessTest {

    private final UnlessService service = new UnlessService();
    private final Harness h = new Harness(service);

    @AfterEach
    void close() {
        h.close();
    }

    private MethodStatistics stats(String method) {
        return h.engine.of(UnlessService.class.getName() + "." + method);
    }

    @Test
    void rejectedResult_isReturnedEachTime_butNeverStored() throws Exception {
        assertThat(h.call("report", 7L)).isEqualTo("PENDING 7");
        assertThat(h.call("report", 7L)).isEqualTo("PENDING 7");

        assertThat(service.runs).hasValue(2);
        MethodStatistics s = stats("report");
        assertThat(s.hits()).isZero();
        assertThat(s.misses()).isEqualTo(2);
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.bypasses()).as("a rejected result is a load, not a bypass").isZero();
    }

    @Test
    void acceptedResult_isCachedAsUsual() throws Exception {
        h.call("report", 7L);                                        // pending: not stored
        service.state = "READY";

        assertThat(h.call("report", 7L)).isEqualTo("READY 7");
        assertThat(h.call("report", 7L)).isEqualTo("READY 7");       // stored now
        assertThat(service.runs).hasValue(2);
        assertThat(stats("report").hits()).isEqualTo(1);
    }

    @Test
    void asyncMethod_theCompletedValueIsTested() throws Exception {
        assertThat(((CompletionStage<?>) h.call("reportAsync", 1L)).toCompletableFuture().get()).isEqualTo("PENDING 1");
        assertThat(((CompletionStage<?>) h.call("reportAsync", 1L)).toCompletableFuture().get()).isEqualTo("PENDING 1");
        assertThat(service.runs).hasValue(2);

        service.state = "READY";
        h.call("reportAsync", 1L);
        assertThat(((CompletableFuture<?>) h.call("reportAsync", 1L)).get()).isEqualTo("READY 1");
        assertThat(service.runs).hasValue(3);
    }

    @Test
    void failingCondition_valueReturnedNotStored_errorCounted() throws Exception {
        assertThat(h.call("guarded", "k")).isEqualTo("value of k");
        assertThat(h.call("guarded", "k")).isEqualTo("value of k");

        assertThat(service.runs).hasValue(2);
        assertThat(stats("guarded").errors()).isEqualTo(2);
        assertThat(stats("guarded").hits()).isZero();
    }

    static final class NoDefaultConstructor implements Unless {
        NoDefaultConstructor(int x) {
        }

        @Override
        public boolean test(Object result) {
            return false;
        }
    }

    static class BadUnless {
        @Cached(unless = NoDefaultConstructor.class)
        public String value(String k) {
            return k;
        }
    }

    @Test
    void conditionThatCannotBeMade_failsTheDeclaration() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Harness.build(BadUnless.class));
        assertThat(t).isInstanceOf(InvalidDeclarationsException.class)
                .hasMessageContaining("@Cached on " + BadUnless.class.getName() + ".value(String): unless " + NoDefaultConstructor.class.getName())
                .hasMessageContaining("Make it a bean (e.g. @ApplicationScoped) or give it a public no-argument constructor.");
    }
}
