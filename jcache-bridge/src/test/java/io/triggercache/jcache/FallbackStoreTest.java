package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.CacheStore;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FallbackStore} at the region level: a miss in the new store is answered by the old one and copied; drops
 * go to both, the old one first; a drop racing the copy always wins (I3); entries with dependencies are served, not
 * copied; the move ends by date, by hand, or when the old store fails a drop.
 */
class FallbackStoreTest {

    static final List<?> G = List.of("post", 7L);
    static final Function<Object, List<?>> GROUP_OF = key -> G;

    final JCacheStore previous = JCacheStore.embedded();
    final JCacheStore target = JCacheStore.embedded();

    @AfterEach
    void close() {
        previous.close();
        target.close();
    }

    static RegionSpec spec() {
        return new RegionSpec("comments", "comments", 1000, io.triggercache.Cached.Near.DEFAULT, GROUP_OF);
    }

    static void store(Region r, Object key, Object value) {
        LoadTicket t = r.beginLoad(G);
        r.put(key, t, value, Long.MAX_VALUE);
    }

    @Test
    void missInTarget_servedFromPrevious_andCopied_thenServedFromTarget() {
        Region old = previous.region(spec());
        store(old, "k", "warm");
        FallbackStore fs = FallbackStore.moving(target, previous);
        Region r = fs.region(spec());

        assertThat(r.get("k").value()).isEqualTo("warm");
        assertThat(fs.servedFromPrevious()).isEqualTo(1);
        assertThat(fs.copied()).isEqualTo(1);
        assertThat(target.region(spec()).get("k").value()).as("copied into the new store").isEqualTo("warm");

        assertThat(r.get("k").value()).isEqualTo("warm");
        assertThat(fs.servedFromPrevious()).as("the second read is the new store's").isEqualTo(1);
    }

    @Test
    void dropDuringTheMove_reachesBothStores() {
        Region old = previous.region(spec());
        store(old, "k", "warm");
        FallbackStore fs = FallbackStore.moving(target, previous);
        Region r = fs.region(spec());
        r.get("k");                                                   // copied

        r.invalidateGroup(G);

        assertThat(r.get("k")).isNull();
        assertThat(old.get("k")).as("the old store dropped it too").isNull();
        assertThat(target.region(spec()).get("k")).isNull();
    }

    @Test
    void dropBetweenTheTicketAndTheReRead_nothingIsCopied() {
        Region old = previous.region(spec());
        store(old, "k", "old value");
        AtomicReference<Region> fallback = new AtomicReference<>();
        CacheStore racing = hookedGets(previous, 2, () -> fallback.get().invalidateGroup(G)); // the drop lands before the 2nd read
        FallbackStore fs = FallbackStore.moving(target, racing);
        fallback.set(fs.region(spec()));

        StoredValue served = fallback.get().get("k");

        assertThat(served.value()).as("the caller gets what was current when it read").isEqualTo("old value");
        assertThat(fs.copied()).isZero();
        assertThat(fallback.get().get("k")).as("neither store serves the dropped value").isNull();
    }

    @Test
    void dropBetweenTheReReadAndThePut_theCopyIsNeverCurrent() {
        Region old = previous.region(spec());
        store(old, "k", "old value");
        AtomicReference<Region> fallback = new AtomicReference<>();
        CacheStore racingTarget = hookedPut(target, () -> fallback.get().invalidateGroup(G));
        FallbackStore fs = FallbackStore.moving(racingTarget, previous);
        fallback.set(fs.region(spec()));

        fallback.get().get("k");

        assertThat(fs.copied()).isEqualTo(1);
        assertThat(target.region(spec()).get("k")).as("stamped with the ticket taken before the drop").isNull();
        assertThat(fallback.get().get("k")).isNull();
    }

    @Test
    void entryWithDependencies_servedButNotCopied() {
        Region inner = previous.region(new RegionSpec("inner", "inner", 100));
        store(inner, "i", "inner value");
        Region old = previous.region(spec());
        LoadTicket t = old.beginLoad(G);
        assertThat(t.dependOn(inner.get("i"))).isTrue();
        old.put("k", t, "fragment", Long.MAX_VALUE);
        FallbackStore fs = FallbackStore.moving(target, previous);
        Region r = fs.region(spec());

        assertThat(r.get("k").value()).isEqualTo("fragment");
        assertThat(fs.copied()).isZero();
        assertThat(target.region(spec()).get("k")).isNull();

        inner.invalidateGroup(G);                                     // its dependency drops in the old store
        assertThat(r.get("k")).as("still exact: the old store checks its dependencies").isNull();
    }

    @Test
    void withoutGroupOf_servedButNotCopied() {
        RegionSpec noGroups = new RegionSpec("comments", "comments", 1000);
        store(previous.region(noGroups), "k", "warm");
        FallbackStore fs = FallbackStore.moving(target, previous);

        assertThat(fs.region(noGroups).get("k").value()).isEqualTo("warm");
        assertThat(fs.copied()).isZero();
    }

    @Test
    void moveEnds_byDate_byHand_orWhenThePreviousStoreFailsADrop() {
        store(previous.region(spec()), "k", "warm");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
        FallbackStore byDate = FallbackStore.moving(target, previous, clock).until(Instant.parse("2026-12-07T13:00:00Z"));
        assertThat(byDate.moving()).isTrue();
        clock.now = Instant.parse("2026-12-07T13:00:00Z");
        assertThat(byDate.moving()).isFalse();
        assertThat(byDate.region(spec()).get("k")).as("after the move only the new store is read").isNull();

        FallbackStore byHand = FallbackStore.moving(target, previous);
        byHand.endMove();
        assertThat(byHand.region(spec()).get("k")).isNull();

        FallbackStore failing = FallbackStore.moving(target, failingDrops(previous));
        Region r = failing.region(spec());
        r.invalidateGroup(G);                                         // the old store refuses: it may keep stale entries
        assertThat(failing.moving()).isFalse();
        assertThat(r.get("k")).as("the old store is no longer read").isNull();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** {@code store}, whose regions run {@code hook} just before their {@code n}-th {@code get}. */
    static CacheStore hookedGets(CacheStore store, int n, Runnable hook) {
        return new Wrapped(store) {
            int gets;

            @Override
            Region wrap(Region r) {
                return new DelegatingRegion(r) {
                    @Override
                    public StoredValue get(Object key) {
                        if (++gets == n) {
                            hook.run();
                        }
                        return super.get(key);
                    }
                };
            }
        };
    }

    /** {@code store}, whose regions run {@code hook} just before each {@code put}. */
    static CacheStore hookedPut(CacheStore store, Runnable hook) {
        return new Wrapped(store) {
            @Override
            Region wrap(Region r) {
                return new DelegatingRegion(r) {
                    @Override
                    public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
                        hook.run();
                        super.put(key, ticket, value, expiresAt);
                    }
                };
            }
        };
    }

    static CacheStore failingDrops(CacheStore store) {
        return new Wrapped(store) {
            @Override
            Region wrap(Region r) {
                return new DelegatingRegion(r) {
                    @Override
                    public void invalidateGroup(List<?> group) {
                        throw new IllegalStateException("store down");
                    }
                };
            }
        };
    }

    abstract static class Wrapped implements CacheStore {
        final CacheStore store;

        Wrapped(CacheStore store) {
            this.store = store;
        }

        abstract Region wrap(Region r);

        @Override
        public Region region(RegionSpec spec) {
            return wrap(store.region(spec));
        }

        @Override
        public void clear() {
            store.clear();
        }

        @Override
        public void close() {
        }
    }

    static class DelegatingRegion implements Region {
        final Region r;

        DelegatingRegion(Region r) {
            this.r = r;
        }

        @Override
        public boolean available() {
            return r.available();
        }

        @Override
        public StoredValue get(Object key) {
            return r.get(key);
        }

        @Override
        public LoadTicket beginLoad(List<?> group) {
            return r.beginLoad(group);
        }

        @Override
        public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
            r.put(key, ticket, value, expiresAt);
        }

        @Override
        public void remove(Object key) {
            r.remove(key);
        }

        @Override
        public void abandon(Object key) {
            r.abandon(key);
        }

        @Override
        public void invalidateGroup(List<?> group) {
            r.invalidateGroup(group);
        }

        @Override
        public void invalidateAll() {
            r.invalidateAll();
        }
    }
}
