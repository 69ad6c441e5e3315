package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;

/** The allow-listed Java serialization codec: round trips, and refusals that build nothing. */
class SerializationCodecTest {

    /** A value class of the application. */
    record PostView(long id, String title, List<String> tags) implements Serializable {
    }

    /** A class whose deserialization would be observable: it counts the objects built from a stream. */
    static final class Gadget implements Serializable {
        static final AtomicInteger BUILT = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            BUILT.incrementAndGet();
        }
    }

    enum Status { DRAFT, PUBLISHED }

    private final SerializationCodec blog = SerializationCodec.builder().allow(PostView.class, Status.class).build();

    @Test
    void decode_ofEncodedDefaults_roundTrips() {
        SerializationCodec codec = SerializationCodec.defaults();
        Map<String, Object> map = new HashMap<>(Map.of("a", 1, "b", List.of(2L, "x")));
        List<Object> values = List.of("text", 42, 42L, 1.5d, new BigDecimal("12.30"), UUID.randomUUID(),
                Instant.parse("2026-11-21T10:00:00Z"), LocalDate.of(2026, 11, 21), new ArrayList<>(List.of(1, 2)),
                List.of(), Set.of("s"), map, new int[] {1, 2, 3}, new String[] {"a", null});

        for (Object value : values) {
            Object decoded = codec.decode(codec.encode(value));
            if (value.getClass().isArray()) {
                assertThat(decoded).isInstanceOf(value.getClass());
            } else {
                assertThat(decoded).isEqualTo(value);
            }
        }
    }

    @Test
    void decode_ofAllowedApplicationRecord_roundTrips() {
        PostView view = new PostView(7, "Hello", List.of("java", "cache"));

        assertThat(blog.decode(blog.encode(List.of(view)))).isEqualTo(List.of(view));
        assertThat(blog.decode(blog.encode(Status.PUBLISHED))).isSameAs(Status.PUBLISHED);
    }

    @Test
    void decode_ofClassNotOnTheList_isRefusedWithoutBuildingIt() {
        SerializationCodec permissive = SerializationCodec.builder().allow(Gadget.class).build();
        byte[] planted = permissive.encode(List.of(new Gadget()));
        Gadget.BUILT.set(0);

        assertThatThrownBy(() -> blog.decode(planted))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("refused to read a value of class " + Gadget.class.getName())
                .hasMessageContaining("not on the codec's allow-list")
                .hasMessageContaining("the call ran the method instead");
        assertThat(Gadget.BUILT).hasValue(0);

        assertThat(permissive.decode(planted)).asList().hasSize(1);
        assertThat(Gadget.BUILT).hasValue(1);
    }

    @Test
    void encode_ofClassNotOnTheList_isRefusedAtPutTime() {
        assertThatThrownBy(() -> SerializationCodec.defaults().encode(new PostView(1, "t", List.of())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("refused to store a value of class " + PostView.class.getName())
                .hasMessageContaining("allow(SerializationCodecTest.PostView.class)");
    }

    @Test
    void encode_ofNonSerializableValue_saysSo() {
        assertThatThrownBy(() -> blog.encode(List.of(new Object())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("java.lang.Object in it is not Serializable");
    }

    @Test
    void decode_ofForeignBytes_isRefused() {
        assertThatThrownBy(() -> blog.decode(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("not a payload of SerializationCodec");
        assertThatThrownBy(() -> blog.decode(new byte[0])).isInstanceOf(CodecException.class);
    }

    @Test
    void decode_ofCollectionWithDisallowedElement_isRefused() {
        SerializationCodec permissive = SerializationCodec.builder().allow(Gadget.class).build();
        byte[] planted = permissive.encode(new HashMap<>(Map.of("k", new Gadget())));

        assertThatThrownBy(() -> SerializationCodec.defaults().decode(planted))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Gadget.class.getName());
    }

    @Test
    void allowPackage_ofTooBroadPackage_isRejected() {
        for (String name : List.of("java", "java.util", "org", "com", "")) {
            assertThatThrownBy(() -> SerializationCodec.builder().allowPackage(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("would allow too much");
        }
    }

    @Test
    void allowPackage_allowsItsClassesAndSubpackagesOnly() {
        SerializationCodec codec = SerializationCodec.builder().allowPackage("com.acme.blog").build();

        assertThat(codec.allows("com.acme.blog.PostView")).isTrue();
        assertThat(codec.allows("com.acme.blog.view.CommentView")).isTrue();
        assertThat(codec.allows("com.acme.blogger.Evil")).isFalse();
        assertThat(codec.allows("org.apache.commons.collections.functors.InvokerTransformer")).isFalse();
    }

    @Test
    void defaults_readTheAllowProperty() {
        System.setProperty(SerializationCodec.ALLOW_PROPERTY, PostView.class.getName() + ", com.acme.view.*");
        try {
            SerializationCodec codec = SerializationCodec.defaults();
            assertThat(codec.allows(PostView.class.getName())).isTrue();
            assertThat(codec.allows("com.acme.view.X")).isTrue();
            assertThat(codec.allows("com.acme.Other")).isFalse();
        } finally {
            System.clearProperty(SerializationCodec.ALLOW_PROPERTY);
        }
    }

    // --- bounds on what a payload may expand to (SerialDOS) ---

    /**
     * Coekaerts' SerialDOS: two sets per level, each holding both sets of the next level. A few hundred bytes;
     * rebuilding the HashSets computes hash codes over 2^levels paths. 40 levels stay under the depth limit.
     */
    private static Set<Object> nestedSetBomb(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    /** A payload as the codec writes it (its format byte, then the stream), without the codec's encode checks. */
    private static byte[] payload(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(1);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void decode_ofNestedSetBomb_isRefusedNamingTheWorkLimit() {
        byte[] bomb = payload(nestedSetBomb(40));
        assertThat(bomb.length).as("payload bytes").isLessThan(4_000);

        // the bound only lets an unfixed codec (which would hash 2^40 paths) end; the assertion is the refusal
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> blog.decode(bomb))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("maxwork=")
                .hasMessageContaining("SerializationCodec.builder().limits(")
                .hasMessageContaining("-D" + SerializationCodec.LIMITS_PROPERTY + "=")
                .hasMessageContaining("the call ran the method instead"));
    }

    @Test
    void decode_ofListDagInsideOneHashSet_isRefusedNamingTheWorkLimit() {
        // lists are rebuilt without hashing, but a HashSet holding a list DAG hashes 2^40 paths in one call
        List<Object> dag = new ArrayList<>(List.of("leaf"));
        for (int i = 0; i < 40; i++) {
            List<Object> parent = new ArrayList<>();
            parent.add(dag);
            parent.add(dag);
            dag = parent;
        }
        List<Object> top = new ArrayList<>();
        Set<Object> root = new HashSet<>();
        root.add(top);  // hashed while empty: writing the set below hashes nothing
        top.add(dag);
        byte[] bomb = payload(root);
        assertThat(bomb.length).as("payload bytes").isLessThan(4_000);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> blog.decode(bomb))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("maxwork="));
    }

    @Test
    void decode_ofLargeLegitimateValues_roundTripsUnderTheDefaultLimits() {
        List<String> shared = List.of("java", "cache");
        List<PostView> posts = new ArrayList<>();
        Map<String, List<PostView>> byTag = new HashMap<>();
        Set<PostView> distinct = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            PostView view = new PostView(i, "title " + i, i % 2 == 0 ? shared : List.of("t" + i, "u" + i));
            posts.add(view);
            distinct.add(view);
            byTag.computeIfAbsent("tag" + i % 100, t -> new ArrayList<>()).add(view);
        }
        List<Object> value = List.of(posts, byTag, distinct);

        assertThat(blog.decode(blog.encode(value))).isEqualTo(value);
    }

    @Test
    void limits_raisedOrLowered_decideWhatDecodes() {
        List<Integer> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.add(i);
        }
        SerializationCodec tight = SerializationCodec.builder().limits("maxwork=500").build();
        SerializationCodec shallow = SerializationCodec.builder().limits("maxdepth=2").build();

        assertThatThrownBy(() -> tight.decode(tight.encode(thousand)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("maxwork=500");
        assertThatThrownBy(() -> shallow.decode(shallow.encode(List.of(List.of(List.of(1))))))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("maxdepth=2");
        assertThat(SerializationCodec.builder().limits("maxwork=5000;maxdepth=3").build().decode(tight.encode(thousand)))
                .isEqualTo(thousand);
    }

    @Test
    void limits_ofUnknownOrInvalidEntry_isRejected() {
        assertThatThrownBy(() -> SerializationCodec.builder().limits("maxfoo=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxfoo");
        assertThatThrownBy(() -> SerializationCodec.builder().limits("maxdepth=-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxdepth");
    }
}
