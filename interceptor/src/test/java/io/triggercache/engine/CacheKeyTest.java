package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** Keys: structural equality, unambiguous parts, and a serialized form that does not carry identity hashes. */
class CacheKeyTest {

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void equalParts_equalKeys_differentPartsOrSplit_differentKeys() {
        assertThat(CacheKey.of("m", new Object[] {1, 23})).isEqualTo(CacheKey.of("m", new Object[] {1, 23}))
                .hasSameHashCodeAs(CacheKey.of("m", new Object[] {1, 23}));
        assertThat(CacheKey.of("m", new Object[] {"1", "23"})).isNotEqualTo(CacheKey.of("m", new Object[] {"12", "3"}));
        assertThat(CacheKey.of("m", new Object[] {1})).isNotEqualTo(CacheKey.of("n", new Object[] {1}));
        assertThat(CacheKey.of("m", new Object[] {1, 2, 3, 4, 5})).isEqualTo(CacheKey.of("m", new Object[] {1, 2, 3, 4, 5}));
    }

    @Test
    void similarNames_withSmallPartDifferences_doNotCollide() {
        // with 31 * name + parts, "m1" with part 31 and "m2" with part 0 had the same hash
        assertThat(CacheKey.of("m1", new Object[] {31}).hashCode()).isNotEqualTo(CacheKey.of("m2", new Object[] {0}).hashCode());
    }

    @Test
    void serializedKey_carriesNoHash_andIsEqualAfterReading() throws Exception {
        assertThat(Modifier.isTransient(CacheKey.class.getDeclaredField("hash").getModifiers())).isTrue();
        CacheKey key = CacheKey.of("m", new Object[] {DayOfWeek.MONDAY, 42L});   // an enum hashes by identity
        Object read = roundTrip(key);
        assertThat(read).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(roundTrip(CacheKey.of("m", new Object[0]))).isEqualTo(CacheKey.of("m", new Object[0]));
    }

    @Test
    void multiPartKeys_shiftedByThirtyOne_doNotCollide() {
        // with 31 * a + b, (a, b) and (a + 1, b - 31) had the same hash: a page of one post met another post's page
        java.util.Set<Integer> two = new java.util.HashSet<>();
        java.util.Set<Integer> three = new java.util.HashSet<>();
        java.util.Set<Integer> many = new java.util.HashSet<>();
        for (long a = 0; a < 100; a++) {
            two.add(CacheKey.of("m", new Object[] {a, 3100 - 31 * a}).hashCode());
            three.add(CacheKey.of("m", new Object[] {7L, a, 3100 - 31 * a}).hashCode());
            many.add(CacheKey.of("m", new Object[] {7L, 8L, 9L, a, 3100 - 31 * a}).hashCode());
        }
        assertThat(two).hasSize(100);
        assertThat(three).hasSize(100);
        assertThat(many).hasSize(100);
    }
}
