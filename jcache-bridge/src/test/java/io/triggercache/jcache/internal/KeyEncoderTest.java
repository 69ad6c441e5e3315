package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Keys encode unambiguously and consistently with {@code equals}. */
class KeyEncoderTest {

    record Key(String method, Object args) implements Serializable {
    }

    @Test
    void group_ofPartsThatConcatenateAlike_neverCollide() {
        assertThat(KeyEncoder.group("m", List.of("1", "23"))).isNotEqualTo(KeyEncoder.group("m", List.of("12", "3")));
        assertThat(KeyEncoder.group("m", List.of("1:2"))).isNotEqualTo(KeyEncoder.group("m", List.of("1", "2")));
        assertThat(KeyEncoder.group("m1", List.of())).isNotEqualTo(KeyEncoder.group("m", List.of(1)));
        assertThat(KeyEncoder.group("m", List.of(List.of(1, 2)))).isNotEqualTo(KeyEncoder.group("m", List.of(1, 2)));
    }

    @Test
    void group_ofEqualListsOfAnyType_encodesAlike() {
        assertThat(KeyEncoder.group("m", new ArrayList<>(List.of(1L, "x"))))
                .isEqualTo(KeyEncoder.group("m", List.of(1L, "x")))
                .isEqualTo(KeyEncoder.group("m", Arrays.asList(1L, "x")));
    }

    @Test
    void group_ofValuesUnequalToTheEngine_encodeApart() {
        Set<String> encoded = new HashSet<>();
        List<Object> values = Arrays.asList(1, 1L, (short) 1, (byte) 1, 1.0d, 1.0f, '1', "1", true, null,
                new BigDecimal("1"), new BigDecimal("1.0"), java.math.BigInteger.ONE, new UUID(0, 1), TimeUnit.SECONDS,
                List.of(1));
        for (Object value : values) {
            encoded.add(KeyEncoder.group("m", Arrays.asList(value)));
        }
        assertThat(encoded).hasSize(values.size());
    }

    @Test
    void kinds_ofKeys_neverCollide() {
        Set<String> encoded = Set.of(KeyEncoder.entry("m"), KeyEncoder.epoch("m"), KeyEncoder.group("m", List.of()),
                KeyEncoder.lease(KeyEncoder.entry("m")), KeyEncoder.heartbeat(1));
        assertThat(encoded).hasSize(5);
        assertThat(KeyEncoder.isToken(KeyEncoder.epoch("m"))).isTrue();
        assertThat(KeyEncoder.isToken(KeyEncoder.group("m", List.of(1)))).isTrue();
        assertThat(KeyEncoder.isToken(KeyEncoder.lease(KeyEncoder.entry("m")))).isFalse();
        assertThat(KeyEncoder.isHeartbeat(KeyEncoder.heartbeat(7))).isTrue();
    }

    @Test
    void entry_ofSerializableKey_isDeterministic() {
        assertThat(KeyEncoder.entry(new Key("comments", List.of(1, "a"))))
                .isEqualTo(KeyEncoder.entry(new Key("comments", List.of(1, "a"))))
                .isNotEqualTo(KeyEncoder.entry(new Key("comments", List.of(1, "b"))));
    }

    @Test
    void entry_ofUnserializableKey_isRejectedWithTheType() {
        assertThatThrownBy(() -> KeyEncoder.entry(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
