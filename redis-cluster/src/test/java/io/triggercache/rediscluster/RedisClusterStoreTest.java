package io.triggercache.rediscluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import io.triggercache.jcache.CodecException;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.rediscluster.internal.RedisClusterCache;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the Redis Cluster store adds to the store contract: one method's entries spread over the shards, the round
 * trips of a hit, the codec's allow-list on what other nodes wrote, NEAR served as STRICT. A cluster of the test's
 * own: 3 masters, 3 replicas.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterStoreTest {

    private static final long NEVER = Long.MAX_VALUE;
    private RedisClusterNodes cluster;
    private int prefixes;

    /** A value class the default codec does not allow. */
    record PostView(long id, String title) implements Serializable {
    }

    @BeforeAll
    void start() {
        cluster = RedisClusterNodes.start(1_000);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private RedisClusterStore.Builder store(String prefix) {
        return RedisClusterStore.builder(cluster.addresses()).keyPrefix(prefix).heartbeat(Duration.ofMillis(100))
                .commandTimeout(Duration.ofSeconds(1));     // the test machine has 2 cores shared with other builds
    }

    private String prefix() {
        return "s" + ProcessHandle.current().pid() + "-" + (++prefixes);
    }

    private static void load(Region region, Object key, List<?> group, Object value) {
        LoadTicket ticket = region.beginLoad(group);
        region.put(key, ticket, value, NEVER);
    }

    @Test
    void entriesOfOneMethod_spreadOverTheThreeMasters() {
        String prefix = prefix();
        int entries = 3_000;
        try (RedisClusterStore store = store(prefix).leasePeriod(Duration.ZERO).build()) {
            Region posts = store.region(new RegionSpec("posts", "entries", entries));
            for (int i = 0; i < entries; i++) {
                load(posts, "post " + i, List.of(i % 30), "title " + i);
            }
            assertThat(posts.get("post 2999").value()).isEqualTo("title 2999");

            // the entry keys each master holds, counted on the master itself (SCAN MATCH of the entries' cache)
            String pattern = prefix + ":" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("entries".getBytes(StandardCharsets.UTF_8)) + ":*";
            Map<Integer, Long> perMaster = new LinkedHashMap<>();
            for (int port : cluster.masterPorts()) {
                perMaster.put(port, countKeys(port, pattern));
            }
            long total = perMaster.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder figures = new StringBuilder();
            perMaster.forEach((port, count) -> figures.append(" 127.0.0.1:").append(port).append(' ').append(count)
                    .append(String.format(" (%.1f%%)", 100.0 * count / total)));
            System.out.println("Redis Cluster distribution of one method's " + total + " entries over "
                    + perMaster.size() + " masters:" + figures);

            assertThat(perMaster).hasSize(3);
            assertThat(total).isEqualTo(entries);
            assertThat(perMaster.values()).allSatisfy(count -> assertThat(count).isGreaterThan(entries / 5));
        }
    }

    private static long countKeys(int port, String pattern) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs args = ScanArgs.Builder.matches(pattern).limit(1_000);
            long count = 0;
            KeyScanCursor<String> cursor = redis.scan(args);
            while (true) {
                count += cursor.getKeys().size();
                if (cursor.isFinished()) {
                    return count;
                }
                cursor = redis.scan(ScanCursor.of(cursor.getCursor()), args);
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void strictHit_readsNoEntry_andItsTwoTokens_offHitReadsTheEntryToo() {
        int hits = 200;
        try (RedisClusterCacheManager manager = RedisClusterCacheManager.builder(cluster.addresses())
                .keyPrefix(prefix()).commandTimeout(Duration.ofSeconds(1)).build();
             JCacheStore store = JCacheStore.builder(manager).codec(SerializationCodec.defaults())
                     .near(NearMode.STRICT).near("off", NearMode.OFF)
                     .heartbeat(Duration.ofHours(1)).build()) {       // no heartbeat tick during the count
            Region strict = store.region(new RegionSpec("strict", "entries", 100));
            Region off = store.region(new RegionSpec("off", "entries", 100));
            load(strict, "strict 1", List.of(1), "one");
            load(off, "off 1", List.of(1), "one");
            RedisClusterCache entries = manager.getCache("entries").unwrap(RedisClusterCache.class);
            RedisClusterCache tokens = manager.getCache(JCacheStore.TOKEN_CACHE).unwrap(RedisClusterCache.class);
            for (int i = 0; i < hits; i++) {                              // warm-up, not counted
                strict.get("strict 1");
                off.get("off 1");
                entries.get("no such key");
            }

            long entriesBefore = entries.requests();
            long tokensBefore = tokens.requests();
            long start = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(strict.get("strict 1").value()).isEqualTo("one");
            }
            long strictNanos = (System.nanoTime() - start) / hits;
            long strictEntries = entries.requests() - entriesBefore;
            long strictTokens = tokens.requests() - tokensBefore;

            entriesBefore = entries.requests();
            tokensBefore = tokens.requests();
            start = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(off.get("off 1").value()).isEqualTo("one");
            }
            long offNanos = (System.nanoTime() - start) / hits;
            long offEntries = entries.requests() - entriesBefore;
            long offTokens = tokens.requests() - tokensBefore;

            start = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(entries.get("no such key")).isNull();
            }
            long rawNanos = (System.nanoTime() - start) / hits;
            // what a STRICT hit would cost with its two token reads as one getAll: MGETs per slot, sent together
            java.util.Set<Object> pair = java.util.Set.of("no such key", "no such key either");
            for (int i = 0; i < hits; i++) {                              // warm-up, not counted
                entries.getAll(pair);
            }
            start = System.nanoTime();
            for (int i = 0; i < hits; i++) {
                assertThat(entries.getAll(pair)).isEmpty();
            }
            long pairNanos = (System.nanoTime() - start) / hits;
            System.out.println("Redis Cluster hit cost (" + hits + " hits, loopback, indicative): STRICT "
                    + strictNanos / 1000 + " us (" + strictTokens / hits + " token round trips, " + strictEntries
                    + " entry reads), OFF " + offNanos / 1000 + " us (" + offTokens / hits + " token + "
                    + offEntries / hits + " entry round trips), raw Lettuce cluster GET " + rawNanos / 1000 + " us, getAll of two"
                    + " keys in two slots " + pairNanos / 1000 + " us");

            assertThat(strictEntries).as("a STRICT hit reads no value").isZero();
            // the group token and the epoch in one getAll (SharedTokens reads this provider's pairs with getAll):
            // one MGET per slot, sent together, counted as one round trip
            assertThat(strictTokens).as("token round trips: one per STRICT hit").isEqualTo(hits);
            assertThat(offEntries).isEqualTo(hits);
            assertThat(offTokens).as("token round trips: one per OFF hit").isEqualTo(hits);
        }
    }

    @Test
    void valueOfAClassNotAllowed_writtenByAnotherNode_isRefusedOnRead_neverBuilt() {
        String prefix = prefix();
        SerializationCodec permissive = SerializationCodec.builder().allow(PostView.class).build();
        try (RedisClusterStore writer = store(prefix).codec(permissive).build();
             RedisClusterStore reader = store(prefix).build()) {              // SerializationCodec.defaults()
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
    void nearModeNear_isServedAsStrict_andNodesSeeEachOthersDropsAtOnce() {
        String prefix = prefix();
        try (RedisClusterStore a = store(prefix).near(NearMode.NEAR).build();
             RedisClusterStore b = store(prefix).near(NearMode.NEAR).build()) {
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
    void masters_areTheThreeSlotOwners() {
        try (RedisClusterStore store = store(prefix()).build()) {
            assertThat(store.masters()).hasSize(3)
                    .containsExactlyInAnyOrderElementsOf(cluster.masterPorts().stream().map(p -> "127.0.0.1:" + p).toList());
        }
    }
}
