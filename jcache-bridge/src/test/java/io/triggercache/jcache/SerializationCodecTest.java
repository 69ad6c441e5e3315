package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
}
