package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import javax.cache.Cache;
import javax.cache.CacheManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract, written once and run against every JCache provider: each provider suite extends
 * this class and says how to get a fresh {@link CacheManager}. Published in this module's test-jar so
 * that the distributed-provider modules run the same cases.
 *
 * <p>Each test gets a new manager and a store built over it ({@link #configure} may force options),
 * both closed afterwards.
 */
public abstract class StoreContractTest {

    /** A key as the engine builds them: unique across regions because it names the method. */
    protected record Key(String method, Object args) implements Serializable {
    }

    protected static final long NEVER = Long.MAX_VALUE;

    /** The clock of every store a test builds: it stands still unless the test moves it. */
    protected final TestClock clock = new TestClock(1_700_000_000_000L);
    protected CacheManager manager;
    protected JCacheStore store;
    private final List<JCacheStore> extraStores = new ArrayList<>();

    /** A new, empty manager of the provider under test; {@link #closeCacheManager} closes it after the test. */
    protected abstract CacheManager newCacheManager();

    /** The token placement the store under test uses. */
    protected abstract TokenPlacement expectedPlacement();

    /**
     * Creates the cache {@code name} as an application would configure it, before any store opens it,
     * holding values by reference if the provider can and accepting {@code Object} keys and values.
     */
    protected abstract void preconfigureCache(CacheManager manager, String name);

    /** Options of the store under test; the default keeps the detected ones. */
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder;
    }

    /** Whether {@code get} hands back the very instance that was put. */
    protected boolean storesByReference() {
        return store.codec() == null;
    }

    /** The key under which the store holds {@code key} in the JCache cache (encoded bytes with a codec). */
    protected Object storedKey(Object key) {
        return store.codec() == null ? key : io.triggercache.jcache.internal.TestKeys.entry(key);
    }

    /**
     * Whether an invalidation through one store is seen by another store on the same manager as soon as it
     * returns; {@code false} for the {@link NearMode#NEAR} near tier, where it arrives as an event.
     */
    protected boolean invalidationsSeenAtOnceByOtherStores() {
        return store.codec() == null || store.nearMode("comments") != NearMode.NEAR;
    }

    /**
     * Brings the token cache down to {@code bound} tokens, as the provider's own size bound would. The
     * default does nothing: Ehcache and Caffeine caches created by the store are bounded by it. Distributed
     * providers bound their caches in their own configuration, per node or per partition, which a test of a
     * handful of tokens cannot hit exactly; their suites remove the surplus tokens instead, which is what
     * eviction does to the protocol.
     */
    protected void evictTokensForSize(CacheManager manager, long bound) {
    }

    /** The manager a second node uses: the same one by default, another member's for clustered providers. */
    protected CacheManager secondManager() {
        return manager;
    }

    protected void closeCacheManager(CacheManager manager) {
        manager.close();
    }

    @BeforeEach
    void openStore() {
        manager = newCacheManager();
        store = configure(JCacheStore.builder(manager).clock(clock)).build();
    }

    @AfterEach
    void closeStore() {
        try {
            extraStores.forEach(JCacheStore::close);
            store.close();
        } finally {
            closeCacheManager(manager);
        }
    }

    /** Another store over the same manager, closed after the test: a second node of a shared cache. */
    protected JCacheStore secondStore() {
        JCacheStore second = configure(JCacheStore.builder(secondManager()).clock(clock)).build();
        extraStores.add(second);
        return second;
    }

    /** A store over the test's manager that keeps at most four tokens, closed after the test. */
    protected JCacheStore tinyStore() {
        JCacheStore tiny = configure(JCacheStore.builder(manager).clock(clock)).maxTokens(4).build();
        extraStores.add(tiny);
        return tiny;
    }

    /** The store's clock margin in milliseconds: 0 under {@code LOCAL}, the default 500 under {@code SHARED}. */
    protected long margin() {
        return store.clockMargin().toNanos();                 // invalidation times are in nanoseconds (ViewClock)
    }

    protected Region region(String name) {
        return store.region(new RegionSpec(name, "entries", 1_000));
    }

    /** A complete load as the engine runs it: beginLoad, compute, put. */
    protected static void load(Region region, Key key, List<?> group, Object value) {
        LoadTicket ticket = region.beginLoad(group);
        region.put(key, ticket, value, NEVER);
    }

    protected static Object valueOf(Region region, Key key) {
        StoredValue stored = region.get(key);
        return stored == null ? null : stored.value();
    }

    protected static int hits(Region region, List<Key> keys) {
        int hits = 0;
        for (Key key : keys) {
            if (region.get(key) != null) {
                hits++;
            }
        }
        return hits;
    }

    @Test
    void tokenPlacement_ofStoreUnderTest_isTheExpectedOne() {
        assertThat(store.tokenPlacement()).isEqualTo(expectedPlacement());
    }

    @Test
    void get_afterPut_returnsValue() {
        Region posts = region("posts");
        Key key = new Key("posts", 1);

        load(posts, key, List.of(), "post one");

        assertThat(valueOf(posts, key)).isEqualTo("post one");
    }

    @Test
    void get_absentKey_returnsNull() {
        Region posts = region("posts");
        load(posts, new Key("posts", 1), List.of(), "post one");

        assertThat(posts.get(new Key("posts", 2))).isNull();
    }

    @Test
    void get_afterPut_returnsTheInstancePutWhenByReference() {
        Region posts = region("posts");
        Key key = new Key("posts", 1);
        List<String> value = new ArrayList<>(List.of("a", "b"));

        load(posts, key, List.of(), value);

        if (storesByReference()) {
            assertThat(valueOf(posts, key)).isSameAs(value);
        } else {
            assertThat(valueOf(posts, key)).isEqualTo(value);
        }
    }

    @Test
    void get_afterPut_returnsExpiresAtAsPut() {
        Region posts = region("posts");
        Key forever = new Key("posts", 1);
        Key soon = new Key("posts", 2);

        load(posts, forever, List.of(), "forever");
        posts.put(soon, posts.beginLoad(List.of()), "soon", 1_234_567L);

        assertThat(posts.get(forever).expiresAt()).isEqualTo(NEVER);
        assertThat(posts.get(soon).expiresAt()).isEqualTo(1_234_567L);
        assertThat(posts.get(soon).value()).isEqualTo("soon");
    }

    @Test
    void put_ofNullValue_isServedAsNullValue() {
        Region posts = region("posts");
        Key key = new Key("posts", 1);

        posts.put(key, posts.beginLoad(List.of()), null, NEVER);

        assertThat(posts.get(key)).isNotNull();
        assertThat(posts.get(key).value()).isNull();
    }

    @Test
    void remove_ofOneKey_dropsOnlyThatEntry() {
        Region posts = region("posts");
        Key one = new Key("posts", 1);
        Key two = new Key("posts", 2);
        load(posts, one, List.of(), "one");
        load(posts, two, List.of(), "two");

        posts.remove(one);

        assertThat(posts.get(one)).isNull();
        assertThat(valueOf(posts, two)).isEqualTo("two");
    }

    @Test
    void invalidateGroup_ofOneGroup_dropsOnlyThatGroup() {
        Region comments = region("comments");
        Key post1 = new Key("comments", 1);
        Key post1Page2 = new Key("comments", "1/2");
        Key post2 = new Key("comments", 2);
        load(comments, post1, List.of(1), "comments of 1");
        load(comments, post1Page2, List.of(1), "comments of 1, page 2");
        load(comments, post2, List.of(2), "comments of 2");

        comments.invalidateGroup(List.of(1));

        assertThat(comments.get(post1)).isNull();
        assertThat(comments.get(post1Page2)).isNull();
        assertThat(valueOf(comments, post2)).isEqualTo("comments of 2");
    }

    @Test
    void invalidateGroup_ofGroupNeverLoaded_leavesOthersServed() {
        Region comments = region("comments");
        Key post1 = new Key("comments", 1);
        load(comments, post1, List.of(1), "comments of 1");

        comments.invalidateGroup(List.of(99));

        assertThat(valueOf(comments, post1)).isEqualTo("comments of 1");
    }

    @Test
    void invalidateAll_ofOneRegion_dropsEveryGroupOfItButNotOtherRegionsInTheSameCache() {
        Region comments = region("comments");
        Region posts = region("posts");
        Key post1 = new Key("comments", 1);
        Key post2 = new Key("comments", 2);
        Key latest = new Key("posts", "latest");
        load(comments, post1, List.of(1), "comments of 1");
        load(comments, post2, List.of(2), "comments of 2");
        load(posts, latest, List.of(), "latest posts");

        comments.invalidateAll();

        assertThat(comments.get(post1)).isNull();
        assertThat(comments.get(post2)).isNull();
        assertThat(valueOf(posts, latest)).isEqualTo("latest posts");
    }

    @Test
    void put_ofLoadBegunBeforeInvalidateGroup_isNotServedButTheNextLoadIs() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);

        LoadTicket stale = comments.beginLoad(List.of(1));   // reader computes old data
        comments.invalidateGroup(List.of(1));                // writer commits and invalidates
        comments.put(key, stale, "old comments", NEVER);     // reader stores old data

        assertThat(comments.get(key)).isNull();

        load(comments, key, List.of(1), "new comments");
        assertThat(valueOf(comments, key)).isEqualTo("new comments");
    }

    @Test
    void put_ofLoadBegunBeforeInvalidateAll_isNotServedButTheNextLoadIs() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);

        LoadTicket stale = comments.beginLoad(List.of(1));
        comments.invalidateAll();
        comments.put(key, stale, "old comments", NEVER);

        assertThat(comments.get(key)).isNull();

        load(comments, key, List.of(1), "new comments");
        assertThat(valueOf(comments, key)).isEqualTo("new comments");
    }

    @Test
    void put_ofLoadBegunBeforeInvalidationThatAnotherLoadFollowed_isNotServed() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);

        LoadTicket stale = comments.beginLoad(List.of(1));
        comments.invalidateGroup(List.of(1));
        LoadTicket fresh = comments.beginLoad(List.of(1));   // re-creates the group's token
        comments.put(key, fresh, "new comments", NEVER);
        assertThat(valueOf(comments, key)).isEqualTo("new comments");

        comments.put(key, stale, "old comments", NEVER);     // the slow stale load lands last

        assertThat(comments.get(key)).isNull();
    }

    @Test
    void get_afterInvalidation_doesNotRevivePreviousTokens() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);
        LoadTicket before = comments.beginLoad(List.of(1));
        comments.put(key, before, "old comments", NEVER);

        comments.invalidateGroup(List.of(1));
        assertThat(comments.get(key)).isNull();
        assertThat(comments.get(key)).isNull();
        comments.put(key, before, "old comments again", NEVER);

        assertThat(comments.get(key)).isNull();
    }

    @Test
    void regions_sharingOneCache_keepTheirGroupsApart() {
        Region comments = region("comments");
        Region likes = region("likes");
        Key comments1 = new Key("comments", 1);
        Key likes1 = new Key("likes", 1);
        load(comments, comments1, List.of(1), "comments of 1");
        load(likes, likes1, List.of(1), "likes of 1");

        comments.invalidateGroup(List.of(1));

        assertThat(comments.get(comments1)).isNull();
        assertThat(valueOf(likes, likes1)).isEqualTo("likes of 1");

        likes.invalidateAll();
        load(comments, comments1, List.of(1), "comments of 1, again");
        assertThat(likes.get(likes1)).isNull();
        assertThat(valueOf(comments, comments1)).isEqualTo("comments of 1, again");
    }

    @Test
    void regions_inSeparateCaches_keepTheirEntriesApart() {
        Region comments = store.region(new RegionSpec("comments", "comments-cache", 100));
        Region posts = store.region(new RegionSpec("posts", "posts-cache", 100));
        Key comments1 = new Key("comments", 1);
        Key posts1 = new Key("posts", 1);
        load(comments, comments1, List.of(1), "comments of 1");
        load(posts, posts1, List.of(1), "post 1");

        comments.invalidateAll();

        assertThat(comments.get(comments1)).isNull();
        assertThat(valueOf(posts, posts1)).isEqualTo("post 1");
        assertThat(manager.getCache("comments-cache").containsKey(storedKey(comments1))).isTrue();
        assertThat(manager.getCache("posts-cache").containsKey(storedKey(posts1))).isTrue();
    }

    @Test
    void region_openedTwiceUnderOneName_isTheSameRegion() {
        Region first = store.region(new RegionSpec("posts", "entries", 100));
        Region second = store.region(new RegionSpec("posts", "entries", 100));

        assertThat(second).isSameAs(first);
    }

    @Test
    void tokens_evictedForSize_readAsMissUntilTheNextLoad() {
        JCacheStore tiny = tinyStore();
        Region comments = tiny.region(new RegionSpec("comments", "tiny-entries", 1_000));
        List<Key> keys = new ArrayList<>();
        for (int post = 0; post < 50; post++) {
            Key key = new Key("comments", post);
            keys.add(key);
            load(comments, key, List.of(post), "comments of " + post);
        }
        evictTokensForSize(manager, 4);

        // 50 entries are stored, but at most 4 tokens survive: every other entry misses
        assertThat(manager.getCache("tiny-entries").containsKey(storedKey(keys.get(0)))).isTrue();
        assertThat(hits(comments, keys)).isLessThanOrEqualTo(4);

        // once there is room again, a new load is served
        if (tiny.tokenPlacement() == TokenPlacement.SHARED) {
            manager.getCache(JCacheStore.TOKEN_CACHE).clear();   // evict every token
        } else {
            tiny.clear();
        }
        load(comments, keys.get(0), List.of(0), "comments of 0, reloaded");
        assertThat(valueOf(comments, keys.get(0))).isEqualTo("comments of 0, reloaded");
    }

    @Test
    void invalidateGroup_ofTenThousandEntries_dropsThemAll() {
        Region comments = store.region(new RegionSpec("comments", "big", 25_000));
        List<Key> inGroup = new ArrayList<>();
        for (int page = 0; page < 10_000; page++) {
            Key key = new Key("comments", List.of(7, page));
            inGroup.add(key);
            load(comments, key, List.of(7), "page " + page);
        }
        Key otherGroup = new Key("comments", List.of(8, 0));
        load(comments, otherGroup, List.of(8), "post 8");
        assertThat(hits(comments, inGroup)).isEqualTo(10_000);

        comments.invalidateGroup(List.of(7));

        assertThat(hits(comments, inGroup)).isZero();
        assertThat(valueOf(comments, otherGroup)).isEqualTo("post 8");
    }

    @Test
    void groups_ofSeveralParts_areDistinctByEveryPart() {
        Region feed = region("feed");
        Key authorAEnglish = new Key("feed", "1a");
        Key authorAFrench = new Key("feed", "1b");
        Key authorOnly = new Key("feed", "1");
        load(feed, authorAEnglish, List.of(1, "a"), "1 in a");
        load(feed, authorAFrench, List.of(1, "b"), "1 in b");
        load(feed, authorOnly, List.of(1), "1");

        feed.invalidateGroup(List.of(1, "a"));

        assertThat(feed.get(authorAEnglish)).isNull();
        assertThat(valueOf(feed, authorAFrench)).isEqualTo("1 in b");
        assertThat(valueOf(feed, authorOnly)).isEqualTo("1");
    }

    @Test
    void groups_withNullParts_areMatchedByValue() {
        Region feed = region("feed");
        Key noAuthor1 = new Key("feed", "null-1");
        Key noAuthor2 = new Key("feed", "null-2");
        load(feed, noAuthor1, Arrays.asList(null, 1), "no author, 1");
        load(feed, noAuthor2, Arrays.asList(null, 2), "no author, 2");

        feed.invalidateGroup(new ArrayList<>(Arrays.asList(null, 1)));

        assertThat(feed.get(noAuthor1)).isNull();
        assertThat(valueOf(feed, noAuthor2)).isEqualTo("no author, 2");
    }

    @Test
    void groups_givenAsOtherListTypes_areMatchedByValue() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);
        load(comments, key, new ArrayList<>(List.of(1L, "x")), "comments");

        comments.invalidateGroup(List.of(1L, "x"));

        assertThat(comments.get(key)).isNull();
    }

    @Test
    void beginLoad_groupListChangedByCallerAfterwards_keepsTheGroupAsItWas() {
        Region comments = region("comments");
        Key key = new Key("comments", 1);
        List<Object> group = new ArrayList<>(List.of(1));
        LoadTicket ticket = comments.beginLoad(group);
        group.set(0, 2);
        comments.put(key, ticket, "comments of 1", NEVER);

        comments.invalidateGroup(List.of(1));

        assertThat(comments.get(key)).isNull();
    }

    @Test
    void put_withTicketOfAnotherRegion_isRejected() {
        Region comments = region("comments");
        Region posts = region("posts");
        LoadTicket postsTicket = posts.beginLoad(List.of());

        assertThatThrownBy(() -> comments.put(new Key("comments", 1), postsTicket, "x", NEVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region comments")
                .hasMessageContaining("another region");
        assertThat(comments.get(new Key("comments", 1))).isNull();
    }

    @Test
    void region_onPreconfiguredCache_usesItAsIsAndLeavesItOpenOnClose() {
        preconfigureCache(manager, "application-cache");
        Cache<Object, Object> applicationCache = manager.getCache("application-cache");
        Region posts = store.region(new RegionSpec("posts", "application-cache", 10));
        Key key = new Key("posts", 1);

        load(posts, key, List.of(), "post one");

        assertThat(valueOf(posts, key)).isEqualTo("post one");
        assertThat(applicationCache.containsKey(storedKey(key))).isTrue();

        store.close();

        assertThat(applicationCache.isClosed()).isFalse();
        assertThat(manager.getCache("application-cache")).isSameAs(applicationCache);
        assertThat(manager.isClosed()).isFalse();
    }

    @Test
    void close_ofStoreOverGivenManager_closesOnlyCachesItCreated() {
        region("posts");
        Cache<Object, Object> created = manager.getCache("entries");
        assertThat(created).isNotNull();

        store.close();

        assertThat(created.isClosed()).isTrue();
        assertThat(manager.isClosed()).isFalse();
    }

    @Test
    void clear_ofStore_dropsEveryEntryAndTokenOfEveryRegion() {
        Region comments = region("comments");
        Region posts = store.region(new RegionSpec("posts", "posts-cache", 100));
        List<Key> commentKeys = List.of(new Key("comments", 1), new Key("comments", 2));
        Key latest = new Key("posts", "latest");
        load(comments, commentKeys.get(0), List.of(1), "comments of 1");
        load(comments, commentKeys.get(1), List.of(2), "comments of 2");
        load(posts, latest, List.of(), "latest");
        LoadTicket beganBeforeClear = comments.beginLoad(List.of(1));

        store.clear();

        assertThat(hits(comments, commentKeys)).isZero();
        assertThat(posts.get(latest)).isNull();
        assertThat(manager.getCache("entries").iterator().hasNext()).isFalse();
        assertThat(manager.getCache("posts-cache").iterator().hasNext()).isFalse();

        comments.put(commentKeys.get(0), beganBeforeClear, "comments of 1, computed before clear", NEVER);
        assertThat(comments.get(commentKeys.get(0))).isNull();

        load(comments, commentKeys.get(1), List.of(2), "comments of 2, after clear");
        assertThat(valueOf(comments, commentKeys.get(1))).isEqualTo("comments of 2, after clear");
    }

    @Test
    void secondStoreOnSameManager_seesInvalidationsExactlyWhenTokensAreShared() {
        Region onA = region("comments");
        Region onB = secondStore().region(new RegionSpec("comments", "entries", 1_000));
        Key key = new Key("comments", 1);
        load(onA, key, List.of(1), "comments of 1, by A");

        if (store.tokenPlacement() == TokenPlacement.SHARED) {
            // B reads A's entry and A's tokens: one shared cache, two nodes
            assertThat(valueOf(onB, key)).isEqualTo("comments of 1, by A");
            onB.invalidateGroup(List.of(1));
            if (invalidationsSeenAtOnceByOtherStores()) {
                assertThat(onA.get(key)).isNull();
            } else {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(onA.get(key)).isNull());
            }
        } else {
            // B cannot see A's tokens, so it never serves A's entries (which A may invalidate unseen)
            assertThat(onB.get(key)).isNull();
            load(onB, key, List.of(1), "comments of 1, by B");
            assertThat(valueOf(onB, key)).isEqualTo("comments of 1, by B");
            assertThat(onA.get(key)).isNull();
        }
    }

    /**
     * Random loads, reads and invalidations from 8 threads on 4 groups. The invariant (I3): a get that
     * starts after an invalidation of a group has returned never yields a value whose beginLoad returned
     * before that invalidation started. Sequence numbers from one counter order the events: a load takes
     * its number after beginLoad returns, an invalidation takes its number before it starts and publishes
     * it after it returns, a reader reads the published numbers before its get.
     */
    @Test
    void concurrentLoadsAndInvalidations_neverServeALoadBegunBeforeACompletedInvalidation() throws Exception {
        record Stamp(long loadSeq, int group) implements Serializable {
        }
        int groups = 4;
        int keysPerGroup = 4;
        int threads = 8;
        int opsPerThread = 20_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);

        Region region = store.region(new RegionSpec("stress", "stress-entries", 1_000));
        AtomicLong seq = new AtomicLong();
        AtomicLongArray groupInvalidatedAt = new AtomicLongArray(groups);
        AtomicLong allInvalidatedAt = new AtomicLong();
        LongAdder hits = new LongAdder();
        LongAdder racedLoads = new LongAdder();
        LongAdder invalidations = new LongAdder();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int op = 0; op < opsPerThread && System.nanoTime() < deadline; op++) {
                        int group = random.nextInt(groups);
                        Key key = new Key("stress", group * keysPerGroup + random.nextInt(keysPerGroup));
                        int dice = random.nextInt(100);
                        if (dice < 50) {
                            long threshold = Math.max(groupInvalidatedAt.get(group), allInvalidatedAt.get());
                            StoredValue stored = region.get(key);
                            if (stored != null) {
                                hits.increment();
                                Stamp stamp = (Stamp) stored.value();
                                if (stamp.loadSeq() < threshold || stamp.group() != group) {
                                    violations.add("load " + stamp + " served after invalidation " + threshold);
                                }
                            }
                        } else if (dice < 85) {
                            LoadTicket ticket = region.beginLoad(List.of(group));
                            long loadSeq = seq.incrementAndGet();
                            for (int i = random.nextInt(3); i > 0; i--) {
                                region.get(key);     // the load takes a while
                            }
                            if (Math.max(groupInvalidatedAt.get(group), allInvalidatedAt.get()) > loadSeq) {
                                racedLoads.increment();
                            }
                            region.put(key, ticket, new Stamp(loadSeq, group), NEVER);
                        } else if (dice < 98) {
                            long invalidationSeq = seq.incrementAndGet();
                            region.invalidateGroup(List.of(group));
                            groupInvalidatedAt.accumulateAndGet(group, invalidationSeq, Math::max);
                            invalidations.increment();
                        } else {
                            long invalidationSeq = seq.incrementAndGet();
                            region.invalidateAll();
                            allInvalidatedAt.accumulateAndGet(invalidationSeq, Math::max);
                            invalidations.increment();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(hits.sum()).isPositive();
        assertThat(invalidations.sum()).isPositive();
        assertThat(racedLoads.sum()).as("loads overtaken by an invalidation (the race under test)").isPositive();
    }

    // ------------------------------------------------------------------ invalidation times (LoadTicket.invalidatedAt)

    @Test
    void clockMargin_ofStoreUnderTest_isZeroForLocalTokensAndTheDefaultForShared() {
        assertThat(store.clockMargin()).isEqualTo(store.tokenPlacement() == TokenPlacement.LOCAL
                ? java.time.Duration.ZERO : JCacheStore.DEFAULT_CLOCK_MARGIN);
    }

    @Test
    void invalidatedAt_afterInvalidateGroup_isTheTimeOfTheInvalidationPlusTheMargin() {
        Region comments = region("comments");
        comments.beginLoad(List.of(1));                       // the group's token exists
        long invalidated = 1_000_000 * clock.advance(1_000);    // ms -> the store's nanoseconds

        comments.invalidateGroup(List.of(1));                 // a commit dropped post 1's comments
        clock.advance(1_000);

        assertThat(comments.beginLoad(List.of(1)).invalidatedAt()).isEqualTo(invalidated + margin());
        clock.advance(60_000);
        assertThat(comments.beginLoad(List.of(1)).invalidatedAt()).isEqualTo(invalidated + margin());
    }

    @Test
    void invalidatedAt_afterInvalidateAll_isTheTimeOfTheInvalidationForEveryGroup() {
        Region comments = region("comments");
        comments.beginLoad(List.of(1));
        long invalidated = 1_000_000 * clock.advance(1_000);    // ms -> the store's nanoseconds

        comments.invalidateAll();                             // bulk DML on Comment
        clock.advance(1_000);

        assertThat(comments.beginLoad(List.of(1)).invalidatedAt()).isEqualTo(invalidated + margin());
        assertThat(comments.beginLoad(List.of(2)).invalidatedAt()).isGreaterThanOrEqualTo(invalidated + margin());
    }

    @Test
    void invalidatedAt_afterClear_isTheTimeOfTheClear() {
        Region comments = region("comments");
        comments.beginLoad(List.of(1));
        long cleared = 1_000_000 * clock.advance(1_000);

        store.clear();
        clock.advance(1_000);

        assertThat(comments.beginLoad(List.of(1)).invalidatedAt()).isGreaterThanOrEqualTo(cleared + margin());
    }

    @Test
    void invalidatedAt_ofGroupNeverInvalidated_isTheFloorUnderLocalAndTheTokensCreationUnderShared() {
        Region comments = region("comments");
        long created = 1_000_000 * clock.millis();

        LoadTicket first = comments.beginLoad(List.of(1));
        clock.advance(60_000);
        LoadTicket later = comments.beginLoad(List.of(1));

        if (store.tokenPlacement() == TokenPlacement.LOCAL) {
            // nothing was ever invalidated or forgotten: no load can have read data an invalidation outdated
            assertThat(first.invalidatedAt()).isZero();
        } else {
            // a missing shared token may have been evicted unseen: its creation stands for the lost invalidation
            assertThat(first.invalidatedAt()).isEqualTo(created + margin());
        }
        assertThat(later.invalidatedAt()).isEqualTo(first.invalidatedAt());
    }

    @Test
    void invalidatedAt_ofOtherGroups_isUnchangedByAnInvalidation() {
        Region comments = region("comments");
        Region posts = store.region(new RegionSpec("posts", "posts-cache", 100));
        long otherBefore = comments.beginLoad(List.of(2)).invalidatedAt();
        long postsBefore = posts.beginLoad(List.of()).invalidatedAt();
        clock.advance(1_000);

        comments.invalidateGroup(List.of(1));

        assertThat(comments.beginLoad(List.of(2)).invalidatedAt()).isEqualTo(otherBefore);
        assertThat(posts.beginLoad(List.of()).invalidatedAt()).isEqualTo(postsBefore);
    }

    @Test
    void invalidatedAt_ofInvalidatedTokensEvictedForSize_neverGoesBack() {
        JCacheStore tiny = tinyStore();
        Region comments = tiny.region(new RegionSpec("comments", "tiny-entries", 1_000));
        comments.beginLoad(List.of(-1));                      // the region's epoch exists
        long invalidated = 1_000_000 * clock.advance(1_000);    // ms -> the store's nanoseconds
        for (int post = 0; post < 50; post++) {
            comments.invalidateGroup(List.of(post));          // 50 tokens written, at most 4 kept
        }
        evictTokensForSize(manager, 4);
        clock.advance(1_000);

        for (int post = 0; post < 50; post++) {
            long answer = comments.beginLoad(List.of(post)).invalidatedAt();
            if (tiny.tokenPlacement() == TokenPlacement.LOCAL) {
                // evicted or kept, each answers the invalidation: the floor remembers the evicted ones
                assertThat(answer).as("group %s", post).isEqualTo(invalidated);
            } else {
                assertThat(answer).as("group %s", post).isGreaterThanOrEqualTo(invalidated + tiny.clockMargin().toNanos());
            }
        }
    }

    // ------------------------------------------------------------------ dependencies (LoadTicket.dependOn, I9)

    /** A region of another method in another cache, as an inner cached call of a fragment is. */
    private Region fragments() {
        return store.region(new RegionSpec("fragment", "fragments", 1_000));
    }

    @Test
    void dependent_ofInnerHit_isDroppedWhenTheInnerGroupIsInvalidated() {
        Region comments = region("comments");
        Region fragments = fragments();
        Key inner = new Key("comments", 1);
        Key outer = new Key("fragment", 1);
        load(comments, inner, List.of(1), "comments of 1");

        LoadTicket rendering = fragments.beginLoad(List.of());
        assertThat(rendering.dependOn(comments.get(inner))).isTrue();   // cache hit inside the render
        fragments.put(outer, rendering, "<ul>comments of 1</ul>", NEVER);
        assertThat(valueOf(fragments, outer)).isEqualTo("<ul>comments of 1</ul>");   // cache hit

        comments.invalidateGroup(List.of(1));                 // a comment of post 1 committed

        assertThat(fragments.get(outer)).isNull();
        assertThat(comments.get(inner)).isNull();
    }

    @Test
    void dependent_ofInnerHit_isDroppedWhenTheInnerRegionIsInvalidatedWhole() {
        Region comments = region("comments");
        Region fragments = fragments();
        Key inner = new Key("comments", 1);
        Key outer = new Key("fragment", 1);
        load(comments, inner, List.of(1), "comments of 1");
        LoadTicket rendering = fragments.beginLoad(List.of());
        assertThat(rendering.dependOn(comments.get(inner))).isTrue();
        fragments.put(outer, rendering, "<ul>comments of 1</ul>", NEVER);

        comments.invalidateAll();                             // bulk DML on Comment

        assertThat(fragments.get(outer)).isNull();
    }

    @Test
    void dependent_isKeptWhenUnrelatedGroupsAreInvalidated() {
        Region comments = region("comments");
        Region fragments = fragments();
        Key inner = new Key("comments", 1);
        Key outer = new Key("fragment", 1);
        load(comments, inner, List.of(1), "comments of 1");
        load(comments, new Key("comments", 2), List.of(2), "comments of 2");
        LoadTicket rendering = fragments.beginLoad(List.of(1));
        assertThat(rendering.dependOn(comments.get(inner))).isTrue();
        fragments.put(outer, rendering, "<ul>comments of 1</ul>", NEVER);

        comments.invalidateGroup(List.of(2));                 // another post's comments
        fragments.invalidateGroup(List.of(2));                // another post's fragment

        assertThat(valueOf(fragments, outer)).isEqualTo("<ul>comments of 1</ul>");
        assertThat(comments.get(new Key("comments", 2))).isNull();
    }

    @Test
    void dependent_transitive_isDroppedWithTheInnermostGroupAndCarriesOnlyItsOwnDependencies() {
        Region comments = region("comments");
        Region posts = store.region(new RegionSpec("postView", "posts-cache", 1_000));
        Region fragments = fragments();
        Key innermost = new Key("comments", 1);
        Key middle = new Key("postView", 1);
        Key outer = new Key("fragment", 1);
        load(comments, innermost, List.of(1), "comments of 1");

        // the page renders the post view, whose load (a miss) uses the comments (a hit)
        LoadTicket page = fragments.beginLoad(List.of());
        LoadTicket view = posts.beginLoad(List.of(1));
        assertThat(view.dependOn(comments.get(innermost))).isTrue();
        posts.put(middle, view, "post 1 with comments of 1", NEVER);
        assertThat(page.dependOn(view)).isTrue();             // the inner load was stored
        fragments.put(outer, page, "<article>post 1 with comments of 1</article>", NEVER);
        assertThat(valueOf(fragments, outer)).isEqualTo("<article>post 1 with comments of 1</article>");

        comments.invalidateGroup(List.of(1));

        assertThat(posts.get(middle)).isNull();
        assertThat(fragments.get(outer)).isNull();
    }

    @Test
    void dependent_ofMiddleHit_carriesTheMiddlesDependencies() {
        Region comments = region("comments");
        Region posts = store.region(new RegionSpec("postView", "posts-cache", 1_000));
        Region fragments = fragments();
        Key innermost = new Key("comments", 1);
        Key middle = new Key("postView", 1);
        Key outer = new Key("fragment", 1);
        load(comments, innermost, List.of(1), "comments of 1");
        LoadTicket view = posts.beginLoad(List.of(1));
        assertThat(view.dependOn(comments.get(innermost))).isTrue();
        posts.put(middle, view, "post 1 with comments of 1", NEVER);

        LoadTicket page = fragments.beginLoad(List.of());
        assertThat(page.dependOn(posts.get(middle))).isTrue();  // a hit on the middle, not its ticket
        fragments.put(outer, page, "<article/>", NEVER);
        assertThat(valueOf(fragments, outer)).isEqualTo("<article/>");

        comments.invalidateGroup(List.of(1));

        assertThat(fragments.get(outer)).isNull();
    }

    @Test
    void dependent_whoseInnerGroupIsInvalidatedWhileTheOuterLoadRuns_isNotServed() {
        Region comments = region("comments");
        Region fragments = fragments();
        Key inner = new Key("comments", 1);
        Key outer = new Key("fragment", 1);
        load(comments, inner, List.of(1), "comments of 1");

        LoadTicket rendering = fragments.beginLoad(List.of());
        assertThat(rendering.dependOn(comments.get(inner))).isTrue();   // renders the old comments
        comments.invalidateGroup(List.of(1));                 // a comment commits while the render runs
        fragments.put(outer, rendering, "<ul>old comments of 1</ul>", NEVER);

        assertThat(fragments.get(outer)).isNull();            // I3 through the nesting

        load(comments, inner, List.of(1), "new comments of 1");
        LoadTicket again = fragments.beginLoad(List.of());
        assertThat(again.dependOn(comments.get(inner))).isTrue();
        fragments.put(outer, again, "<ul>new comments of 1</ul>", NEVER);
        assertThat(valueOf(fragments, outer)).isEqualTo("<ul>new comments of 1</ul>");
    }

    @Test
    void dependOn_pastTheBound_returnsFalseAndTheValueIsNotStored() {
        Region comments = region("comments");
        Region fragments = fragments();
        int bound = JCacheStore.MAX_DEPENDENCIES;
        for (int post = 0; post <= bound; post++) {
            load(comments, new Key("comments", post), List.of(post), "comments of " + post);
        }
        LoadTicket rendering = fragments.beginLoad(List.of());

        for (int post = 0; post < bound; post++) {
            assertThat(rendering.dependOn(comments.get(new Key("comments", post)))).as("dependency %s", post).isTrue();
        }
        assertThat(rendering.dependOn(comments.get(new Key("comments", 0)))).as("a duplicate").isTrue();
        assertThat(rendering.dependOn(comments.get(new Key("comments", bound)))).as("one past the bound").isFalse();
        fragments.put(new Key("fragment", "all"), rendering, "<ul>33 posts</ul>", NEVER);

        assertThat(fragments.get(new Key("fragment", "all"))).isNull();
    }

    @Test
    void dependOn_ofTheBoundExactly_isStoredAndDroppedWithAnyOfThem() {
        Region comments = region("comments");
        Region fragments = fragments();
        int bound = JCacheStore.MAX_DEPENDENCIES;
        LoadTicket rendering = fragments.beginLoad(List.of());
        for (int post = 0; post < bound; post++) {
            Key key = new Key("comments", post);
            load(comments, key, List.of(post), "comments of " + post);
            assertThat(rendering.dependOn(comments.get(key))).isTrue();
        }
        Key outer = new Key("fragment", "all");
        fragments.put(outer, rendering, "<ul>32 posts</ul>", NEVER);
        assertThat(valueOf(fragments, outer)).isEqualTo("<ul>32 posts</ul>");

        comments.invalidateGroup(List.of(bound - 1));         // the last one recorded

        assertThat(fragments.get(outer)).isNull();
    }

    @Test
    void dependOn_foreignObjects_returnsFalseAndTheValueIsNotStored() {
        Region fragments = fragments();
        JCacheStore other = configure(JCacheStore.builder(manager).clock(clock)).build();
        extraStores.add(other);
        Region otherComments = other.region(new RegionSpec("comments", "other-entries", 100));
        load(otherComments, new Key("comments", 1), List.of(1), "comments of 1, other store");
        StoredValue foreignHit = otherComments.get(new Key("comments", 1));
        assertThat(foreignHit).isNotNull();
        StoredValue handMade = new StoredValue() {
            @Override
            public Object value() {
                return "made by hand";
            }

            @Override
            public long expiresAt() {
                return NEVER;
            }
        };

        assertThat(fragments.beginLoad(List.of()).dependOn(foreignHit)).as("another store's hit").isFalse();
        assertThat(fragments.beginLoad(List.of()).dependOn(otherComments.beginLoad(List.of(1))))
                .as("another store's ticket").isFalse();
        assertThat(fragments.beginLoad(List.of()).dependOn(handMade)).as("another kind").isFalse();
        assertThat(fragments.beginLoad(List.of()).dependOn("a string")).as("not a value").isFalse();

        LoadTicket refused = fragments.beginLoad(List.of());
        assertThat(refused.dependOn(foreignHit)).isFalse();
        fragments.put(new Key("fragment", 1), refused, "<ul/>", NEVER);
        assertThat(fragments.get(new Key("fragment", 1))).isNull();
    }

    @Test
    void dependent_readByAnotherNode_isDroppedWithTheInnerGroupExactlyWhenTokensAreShared() {
        Region comments = region("comments");
        Region fragments = fragments();
        Key inner = new Key("comments", 1);
        Key outer = new Key("fragment", 1);
        load(comments, inner, List.of(1), "comments of 1");
        LoadTicket rendering = fragments.beginLoad(List.of());
        assertThat(rendering.dependOn(comments.get(inner))).isTrue();
        fragments.put(outer, rendering, "<ul>comments of 1</ul>", NEVER);
        JCacheStore second = secondStore();
        Region fragmentsOnB = second.region(new RegionSpec("fragment", "fragments", 1_000));
        Region commentsOnB = second.region(new RegionSpec("comments", "entries", 1_000));

        if (store.tokenPlacement() == TokenPlacement.SHARED) {
            // B decodes A's entry, dependencies and all, from the shared cache
            assertThat(valueOf(fragmentsOnB, outer)).isEqualTo("<ul>comments of 1</ul>");
            commentsOnB.invalidateGroup(List.of(1));          // B commits a comment of post 1
            if (invalidationsSeenAtOnceByOtherStores()) {
                assertThat(fragments.get(outer)).isNull();
            } else {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(fragments.get(outer)).isNull());
            }
            assertThat(fragmentsOnB.get(outer)).isNull();
        } else {
            assertThat(fragmentsOnB.get(outer)).isNull();     // B cannot check A's tokens
            comments.invalidateGroup(List.of(1));
            assertThat(fragments.get(outer)).isNull();
        }
    }
}
