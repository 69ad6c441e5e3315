package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.testing.FaultyStore;
import io.triggercache.testing.Post;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read path never leaves callers waiting on a dead load, and a fault building a key fails open. */
class RobustnessTest {

    private final Service service = new Service();
    private final FaultyStore store = new FaultyStore(JCacheStore.embedded());
    private final Harness h = new Harness(service, store);

    @AfterEach
    void close() {
        store.onInvalidateAll = () -> { };
        h.close();
    }

    private MethodStatistics stats(String method) {
        return h.engine.of(Service.class.getName() + "." + method);
    }

    @Test
    void errorWhileStoring_leavesNoLoadInFlight_laterCallersLoadThemselves() throws Exception {
        store.onPut = () -> {
            throw new StackOverflowError("encoding a deep graph");
        };
        assertThat(h.call("value", "k")).isEqualTo("k1");                 // db hit; the store failed: fail open
        CompletableFuture<Object> later = CompletableFuture.supplyAsync(() -> call("value", "k"));
        assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo("k2");      // db hit: nobody waits on the first load
        assertThat(stats("value").errors()).isEqualTo(2);
        store.onPut = () -> { };
        assertThat(h.call("value", "k")).isEqualTo("k3");                 // db hit, stored
        assertThat(h.call("value", "k")).isEqualTo("k3");                 // cache hit
    }

    @Test
    void faultBuildingTheKey_runsTheMethod_andCountsTheFault() throws Exception {
        Post detached = new Post(42L, "p") {
            @Override
            public Long getId() {
                throw new IllegalStateException("could not initialize proxy - no Session");
            }
        };
        assertThat(h.call("byPost", detached)).isEqualTo("post");         // db hit, uncached
        assertThat(h.call("byPost", detached)).isEqualTo("post");         // db hit again
        MethodStatistics s = stats("byPost");
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.bypasses()).isEqualTo(2);
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void owedInvalidation_isRepairedByOneCaller_theOthersBypassWithoutWaiting() throws Exception {
        store.down();
        h.engine.invalidate(Service.class.getName() + ".value");          // owed: the store refused it
        store.up();
        CountDownLatch repairing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.onInvalidateAll = () -> {
            repairing.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);                       // the store answers slowly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        h.now.addAndGet(2_000);                                           // past the retry period
        CompletableFuture<Object> repairer = CompletableFuture.supplyAsync(() -> call("value", "k"));
        assertThat(repairing.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> call("value", "k"));
        assertThat(other.get(10, TimeUnit.SECONDS)).isNotNull();         // bypassed at once, did not queue behind the repair
        assertThat(repairer).isNotDone();
        release.countDown();
        assertThat(repairer.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(stats("value").bypasses()).isGreaterThanOrEqualTo(1);
    }

    private Object call(String method, Object arg) {
        try {
            return h.call(method, arg);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads count their runs. */
    public static class Service {
        final AtomicInteger runs = new AtomicInteger();

        @Cached
        public String value(String key) {
            return key + runs.incrementAndGet();
        }

        @Cached(key = "post.id")
        public String byPost(Post post) {
            runs.incrementAndGet();
            return "post";
        }
    }
}
