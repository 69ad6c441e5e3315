package io.triggercache.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.jcache.CodecException;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.jcache.internal.TestKeys;
import io.triggercache.memcached.internal.KeyDump;
import io.triggercache.memcached.internal.MemcachedCache;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.cache.CacheException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the memcached store adds to the store contract: the codec's allow-list on what other nodes wrote, NEAR
 * served as STRICT, and a lost server costing only the keys it held. Three servers of the test's own.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemcachedStoreTest {

    private static final long NEVER = Long.MAX_VALUE;
    private MemcachedServers servers;
    private int prefixes;

    /** A value class the default codec does not allow. */
    record PostView(long id, String title) implements Serializable {
    }

    @BeforeAll
    void start() {
        servers = MemcachedServers.start(3);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private MemcachedStore.Builder store(String prefix) {
        return MemcachedStore.builder(servers.addresses()).keyPrefix(prefix).heartbeat(Duration.ofMillis(100));
    }

    private String prefix() {
        return "s" + ProcessHandle.current().pid() + "-" + (++prefixes);
    }

    private static void load(Region region, Object key, List<?> group, Object value) {
        LoadTicket ticket = region.beginLoad(group);
        region.put(key, ticket, value, NEVER);
    }

    @Test
    void valueOfAClassNotAllowed_writtenByAnotherNode_isRefusedOnRead_neverBuilt() {
        String prefix = prefix();
        SerializationCodec permissive = SerializationCodec.builder().allow(PostView.class).build();
        try (MemcachedStore writer = store(prefix).codec(permissive).build();
             MemcachedStore reader = store(prefix).build()) {              // SerializationCodec.defaults()
            Region onWriter = writer.region(new RegionSpec("posts", "entries", 100));
            Region onReader = reader.region(new RegionSpec("posts", "entries", 100));
            load(onWriter, "post 1", List.of(1), new PostView(1, "hello"));
            assertThat(onWriter.get("post 1").value()).isEqualTo(new PostView(1, "hello"));

            assertThatThrownBy(() -> onReader.get("post 1"))
                    .isInstanceOf(CodecException.class)
                    .hasMessageContaining(PostView.class.getName());
        }
    }

    @Test
    void valueOfAClassNotAllowed_isNotStored() {
        try (MemcachedStore store = store(prefix()).build()) {
            Region posts = store.region(new RegionSpec("posts", "entries", 100));
            LoadTicket ticket = posts.beginLoad(List.of(1));

            assertThatThrownBy(() -> posts.put("post 1", ticket, new PostView(1, "hello"), NEVER))
                    .isInstanceOf(CodecException.class);
            assertThat(posts.get("post 1")).isNull();
        }
    }

    @Test
    void nearModeNear_isServedAsStrict_andNodesSeeEachOthersDropsAtOnce() {
        String prefix = prefix();
        try (MemcachedStore a = store(prefix).near(NearMode.NEAR).build();
             MemcachedStore b = store(prefix).near(NearMode.NEAR).build()) {
            Region onA = a.region(new RegionSpec("comments", "entries", 100));
            Region onB = b.region(new RegionSpec("comments", "entries", 100));
            assertThat(a.nearMode("comments")).isEqualTo(NearMode.STRICT);

            load(onA, "comments of 1", List.of(1), "first");
            assertThat(onB.get("comments of 1").value()).isEqualTo("first");   // B's near tier holds it now
            onA.invalidateGroup(List.of(1));

            assertThat(onB.get("comments of 1")).isNull();                    // at once: no event to wait for
        }
    }

    @Test
    void strictHit_sendsNoEntryRequest_andTwoSingleGetsOrOneMultiGetOfTokens_offHitReadsTheEntry() {
        int hits = 200;
        try (MemcachedCacheManager manager = MemcachedCacheManager.builder(servers.addresses()).keyPrefix(prefix()).build();
             JCacheStore store = JCacheStore.builder(manager).codec(SerializationCodec.defaults())
                     .near(NearMode.STRICT).near("off", NearMode.OFF)
                     .heartbeat(Duration.ofHours(1)).build()) {       // no heartbeat tick during the count
            Region strict = store.region(new RegionSpec("strict", "entries", 100));
            Region off = store.region(new RegionSpec("off", "entries", 100));
            load(strict, "strict 1", List.of(1), "one");
            load(off, "off 1", List.of(1), "one");
            MemcachedCache entries = manager.getCache("entries").unwrap(MemcachedCache.class);
            MemcachedCache tokens = manager.getCache(JCacheStore.TOKEN_CACHE).unwrap(MemcachedCache.class);

            for (int i = 0; i < hits; i++) {                              // warm-up, not counted
                strict.get("strict 1");
                off.get("off 1");
                entries.get("no such key");
            }
            long entriesBefore = entries.requests();
            long tokensBefore = tokens.requests();
            long strictStart = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(strict.get("strict 1").value()).isEqualTo("one");
            }
            long strictNanos = (System.nanoTime() - strictStart) / hits;
            long strictEntries = entries.requests() - entriesBefore;
            long strictTokens = tokens.requests() - tokensBefore;

            entriesBefore = entries.requests();
            tokensBefore = tokens.requests();
            long offStart = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(off.get("off 1").value()).isEqualTo("one");
            }
            long offNanos = (System.nanoTime() - offStart) / hits;
            long offEntries = entries.requests() - entriesBefore;
            long offTokens = tokens.requests() - tokensBefore;

            long rawStart = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(entries.get("no such key")).isNull();
            }
            long rawNanos = (System.nanoTime() - rawStart) / hits;
            System.out.println("memcached hit cost (" + hits + " hits, loopback, indicative): STRICT " + strictNanos / 1000
                    + " us (" + strictTokens / hits + " token requests, " + strictEntries + " entry requests), OFF "
                    + offNanos / 1000 + " us (" + offTokens / hits + " token + " + offEntries / hits + " entry requests),"
                    + " raw xmemcached get " + rawNanos / 1000 + " us");

            assertThat(strictEntries).as("a STRICT hit reads no value").isZero();
            // the group token and the epoch in one multi-key get (SharedTokens reads memcached pairs with getAll)
            assertThat(strictTokens).as("token requests: one multi-get per STRICT hit").isEqualTo(hits);
            assertThat(offEntries).isEqualTo(hits);
            assertThat(offTokens).as("token requests: one multi-get per OFF hit").isEqualTo(hits);
        }
    }

    @Test
    void oneServerLost_costsOnlyTheKeysItHeld_theOthersKeepHitting() {
        String prefix = prefix();
        int killed = -1;
        try (MemcachedStore store = store(prefix).leasePeriod(Duration.ZERO).build()) {
            Region posts = store.region(new RegionSpec("posts", "entries", 1_000));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                keys.add("post " + i);
                load(posts, "post " + i, List.of(i), "title " + i);
            }
            assertThat(hits(posts, keys)).isEqualTo(300);
            killed = serverWithout(tokenKey(prefix, TestKeys.epoch("posts")));   // the region's epoch stays
            servers.kill(killed);

            int hits = 0;
            int faults = 0;
            for (String key : keys) {
                try {
                    StoredValue found = posts.get(key);
                    if (found != null) {
                        assertThat(found.value()).isEqualTo("title " + key.substring(5));
                        hits++;
                    }
                } catch (CacheException e) {
                    faults++;                                                     // its entry or token was there
                }
            }
            // a key hits when its entry and its group token are on the two servers left: about (2/3)^2 of them
            assertThat(hits).isBetween(45, 255);
            assertThat(faults).isBetween(45, 255);
            assertThat(hits + faults).isEqualTo(300);
        } finally {
            if (killed >= 0) {
                servers.restart(killed);
            }
        }
    }

    private static int hits(Region region, List<String> keys) {
        int hits = 0;
        for (String key : keys) {
            if (region.get(key) != null) {
                hits++;
            }
        }
        return hits;
    }

    private static String tokenKey(String prefix, String storeKey) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return prefix + ":" + b64.encodeToString(JCacheStore.TOKEN_CACHE.getBytes(StandardCharsets.UTF_8)) + ":"
                + b64.encodeToString(storeKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A server that does not hold {@code memcachedKey}. */
    private int serverWithout(String memcachedKey) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            if (!KeyDump.keys(servers.address(i), 2_000).contains(memcachedKey)) {
                return i;
            }
        }
        throw new AssertionError("every server holds " + memcachedKey);
    }
}
