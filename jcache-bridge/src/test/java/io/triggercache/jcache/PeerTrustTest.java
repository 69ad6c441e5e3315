package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.triggercache.jcache.internal.KeyEncoder;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores sharing one manager under the shared-cache protocol, as two nodes sharing a distributed cache,
 * where node A's connection to the caches can be cut while B's keeps working (a partial outage): a drop that
 * A could not apply must stop B from serving what that drop should have made stale, from the moment A's
 * failed call returns until A has applied it.
 */
class PeerTrustTest {

    private static final StoreContractTest.Key KEY = new StoreContractTest.Key("posts", 1);
    private static final Duration HEARTBEAT = Duration.ofMillis(40);

    private final CacheManager manager = TestManagers.ehcache();

    @AfterEach
    void close() {
        manager.close();
    }

    private JCacheStore store(CacheManager view, Duration peerTimeout) {
        return store(view, peerTimeout, Duration.ZERO);
    }

    private JCacheStore store(CacheManager view, Duration peerTimeout, Duration lease) {
        return store(view, peerTimeout, lease, HEARTBEAT);
    }

    private JCacheStore store(CacheManager view, Duration peerTimeout, Duration lease, Duration heartbeat) {
        return JCacheStore.builder(view).codec(EhcacheCodecStoreTest.CODEC).near(NearMode.STRICT)
                .heartbeat(heartbeat).peerTimeout(peerTimeout).leasePeriod(lease).build();
    }

    private static Region posts(JCacheStore store) {
        return store.region(new RegionSpec("posts", "entries", 100));
    }

    private static void load(Region region, Object value) {
        region.put(KEY, region.beginLoad(List.of(7)), value, Long.MAX_VALUE);
    }

    @Test
    void dropThatFailsOnOneNode_stopsTheOtherFromServing_untilItIsApplied() {
        Cut cut = new Cut(manager);
        JCacheStore a = store(cut.view(), Duration.ofSeconds(30));
        JCacheStore b = store(manager, Duration.ofSeconds(30));
        Region onA = posts(a);
        Region onB = posts(b);
        load(onB, "v1");
        assertThat(onB.get(KEY).value()).isEqualTo("v1");             // B serves, A is a peer in good standing

        cut.cut();                                                     // A loses the store, B does not
        assertThatThrownBy(() -> onA.invalidateGroup(List.of(7))).isInstanceOf(CacheException.class);

        // the failed drop has returned: from now on B must not serve what it would have dropped
        assertThat(onB.available()).isFalse();
        assertThat(onB.get(KEY)).isNull();

        cut.heal();                                                    // A's heartbeat thread applies the drop
        await().atMost(Duration.ofSeconds(10)).until(onB::available);
        assertThat(onB.get(KEY)).as("the value the failed drop was for, after it was applied").isNull();
        load(onB, "v2");
        assertThat(onB.get(KEY).value()).isEqualTo("v2");
        assertThat(onA.get(KEY).value()).isEqualTo("v2");
        a.close();
        b.close();
    }

    @Test
    void nodeWaitingForAnotherNodesLoad_servesNothingOnceItCanNoLongerVouchForItsPeers() throws Exception {
        Cut cut = new Cut(manager);
        Duration lease = Duration.ofSeconds(3);
        JCacheStore c = store(manager, Duration.ofSeconds(30), lease);     // first: it creates the caches
        JCacheStore a = store(cut.view(), Duration.ofSeconds(30), lease);
        JCacheStore b = store(manager, Duration.ofSeconds(30), lease);
        Region onC = posts(c);
        Region onA = posts(a);
        Region onB = posts(b);
        assertThat(onA.get(KEY)).isNull();                             // A misses and takes the lease
        CompletableFuture<StoredValue> waitingOnB = CompletableFuture.supplyAsync(() -> onB.get(KEY));
        assertThat(waitingOnB).isNotDone();                           // B waits for A's load

        cut.cut();                                                     // A falls silent: B cannot vouch for it
        await().atMost(Duration.ofSeconds(5)).until(() -> !onB.available());
        load(onC, "v1");                                               // the entry B waits for appears meanwhile

        assertThat(waitingOnB.get(10, TimeUnit.SECONDS)).as("what a wait that outlived B's trust serves").isNull();
        cut.heal();
        a.close();
        b.close();
        c.close();
    }

    @Test
    void nodeThatCloses_isForgottenAtOnce_andTheOthersKeepServing() {
        Cut watchB = new Cut(manager);                                   // never cut: counts B's polls
        JCacheStore b = store(watchB.view(), Duration.ofSeconds(60));    // B first: it creates the caches,
        Region onB = posts(b);                                           // so closing A leaves them open
        JCacheStore a = store(manager, Duration.ofSeconds(60));
        posts(a);
        load(onB, "v1");

        a.close();

        // B has polled its peers more times than its trust window lasts (six heartbeats): had it kept waiting
        // for A's heartbeat, it would now distrust the store until its peer timeout (60 s). It serves instead.
        int pollsAtClose = watchB.rosterReads.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> watchB.rosterReads.get() > pollsAtClose + 8);
        await().atMost(Duration.ofSeconds(10)).until(onB::available);
        assertThat(onB.get(KEY).value()).isEqualTo("v1");
        b.close();
    }

    @Test
    void nodeThatFallsSilent_isWaitedForUntilThePeerTimeout_thenForgotten() {
        Cut cut = new Cut(manager);
        JCacheStore a = store(cut.view(), Duration.ofSeconds(30));
        JCacheStore b = store(manager, Duration.ofSeconds(1));
        posts(a);
        Region onB = posts(b);
        load(onB, "v1");
        assertThat(onB.get(KEY).value()).isEqualTo("v1");

        cut.cut();                                                     // A can no longer say it is well

        await().atMost(Duration.ofSeconds(5)).until(() -> !onB.available());
        assertThat(onB.get(KEY)).isNull();
        await().atMost(Duration.ofSeconds(10)).until(onB::available);   // forgotten after B's peer timeout
        assertThat(onB.get(KEY).value()).isEqualTo("v1");
        b.close();
        cut.heal();
        a.close();
    }

    @Test
    void nodeThatStarts_doesNotInterruptTheOthers_andServesAtOnce() {
        // a slower heartbeat than the other tests': "at once" and "never interrupted" are checked at instants,
        // and a trust window of 1.2 s leaves room for a loaded machine's scheduling
        Duration heartbeat = Duration.ofMillis(200);
        Cut watchA = new Cut(manager);                                   // never cut: watches A's polls
        JCacheStore a = store(watchA.view(), Duration.ofSeconds(60), Duration.ZERO, heartbeat);
        Region onA = posts(a);
        load(onA, "v1");
        // a newcomer is trusted at once: as each of A's polls begins, the previous one (which may be the
        // first to see B) left A trusting the store
        ConcurrentLinkedQueue<Boolean> availableAtPolls = new ConcurrentLinkedQueue<>();
        watchA.onRosterRead = () -> availableAtPolls.add(onA.available());

        JCacheStore b = store(manager, Duration.ofSeconds(60), Duration.ZERO, heartbeat);
        Region onB = posts(b);

        assertThat(onB.available()).isTrue();                          // it saw A alive before it opened
        assertThat(onB.get(KEY).value()).isEqualTo("v1");
        int pollsAtOpen = availableAtPolls.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> availableAtPolls.size() >= pollsAtOpen + 8);
        watchA.onRosterRead = () -> { };
        assertThat(availableAtPolls).as("A's trust as each of its polls began").doesNotContain(false);
        assertThat(onA.get(KEY).value()).isEqualTo("v1");
        a.close();
        b.close();
    }

    @Test
    void nodeThatStarts_whileAPeerOwesADrop_waitsForIt() {
        Cut cut = new Cut(manager);
        JCacheStore a = store(cut.view(), Duration.ofSeconds(30));
        Region onA = posts(a);
        load(onA, "v1");
        cut.cut();
        assertThatThrownBy(() -> onA.invalidateGroup(List.of(7))).isInstanceOf(CacheException.class);

        JCacheStore c = store(manager, Duration.ofSeconds(30));        // finds A in the roster, silent
        Region onC = posts(c);
        assertThat(onC.available()).isFalse();
        assertThat(onC.get(KEY)).isNull();

        cut.heal();
        await().atMost(Duration.ofSeconds(10)).until(onC::available);
        assertThat(onC.get(KEY)).isNull();                              // A's owed drop came first
        a.close();
        c.close();
    }

    /**
     * A view of a manager whose caches throw {@link CacheException} on every operation while cut: one node's
     * connection to a distributed cache going down while the other nodes' stay up.
     */
    private static final class Cut {

        private final CacheManager manager;
        private final AtomicBoolean cut = new AtomicBoolean();
        /** Reads of the roster through this view: one per poll of the store's peers. */
        final AtomicInteger rosterReads = new AtomicInteger();
        /** Runs on each roster read, before it (on the reading thread: the store's heartbeat thread). */
        volatile Runnable onRosterRead = () -> { };

        Cut(CacheManager manager) {
            this.manager = manager;
        }

        void cut() {
            cut.set(true);
        }

        void heal() {
            cut.set(false);
        }

        CacheManager view() {
            return proxy(CacheManager.class, manager, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Cache<?, ?> cache ? proxy(Cache.class, cache, this::cacheCall) : result;
            });
        }

        private Object cacheCall(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("get") && args != null && KeyEncoder.roster().equals(args[0])) {
                onRosterRead.run();
                rosterReads.incrementAndGet();
            }
            if (cut.get() && !method.getName().equals("getName") && !method.getName().equals("isClosed")
                    && !method.getName().equals("getCacheManager") && !method.getName().equals("unwrap")
                    && !method.getName().equals("close")) {
                throw new CacheException("connection to the store lost (test)");
            }
            return method.invoke(target, args);
        }

        @FunctionalInterface
        private interface Call {
            Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
        }

        private static <T> T proxy(Class<T> type, Object target, Call call) {
            InvocationHandler handler = (p, method, args) -> {
                try {
                    return call.call(target, method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(PeerTrustTest.class.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
