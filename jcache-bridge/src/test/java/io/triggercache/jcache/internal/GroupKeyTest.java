package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GroupKeyTest {

    @Test
    void equals_sameRegionAndEqualGroupsOfDifferentListTypes_isTrue() {
        GroupKey fromListOf = new GroupKey("comments", List.of(1, "a"));
        GroupKey fromLinkedList = new GroupKey("comments", new LinkedList<>(List.of(1, "a")));

        assertThat(fromLinkedList).isEqualTo(fromListOf).hasSameHashCodeAs(fromListOf);
    }

    @Test
    void equals_sameGroupInOtherRegion_isFalse() {
        assertThat(new GroupKey("comments", List.of(1))).isNotEqualTo(new GroupKey("likes", List.of(1)));
    }

    @Test
    void equals_groupsDifferingInOnePart_isFalse() {
        assertThat(new GroupKey("feed", List.of(1, "a"))).isNotEqualTo(new GroupKey("feed", List.of(1, "b")));
        assertThat(new GroupKey("feed", List.of(1))).isNotEqualTo(new GroupKey("feed", List.of(1, "a")));
    }

    @Test
    void equals_groupsWithNullParts_comparesByValue() {
        GroupKey one = new GroupKey("feed", Arrays.asList(null, 1));

        assertThat(one).isEqualTo(new GroupKey("feed", Arrays.asList(null, 1)));
        assertThat(one).isNotEqualTo(new GroupKey("feed", Arrays.asList(1, null)));
    }

    @Test
    void constructor_groupChangedAfterwards_keepsTheCopy() {
        List<Object> group = new ArrayList<>(List.of(1));
        GroupKey key = new GroupKey("comments", group);

        group.set(0, 2);

        assertThat(key).isEqualTo(new GroupKey("comments", List.of(1)));
    }

    @Test
    void constructor_nullGroup_isRejectedWithTheFix() {
        assertThatThrownBy(() -> new GroupKey("comments", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("group of region comments is null; use List.of() for a method without suffix");
    }

    @Test
    void equals_ofEqualKeysFromSeparateLoads_allocatesNothing() {
        // the hit path compares the entry's group key with the token map's: it must not allocate
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        GroupKey inEntry = new GroupKey("comments", List.of(42L, "en"));
        GroupKey inTokenMap = new GroupKey("comments", new ArrayList<>(List.of(42L, "en")));
        int calls = 100_000;
        int equal = 0;

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            if (inEntry.equals(inTokenMap)) {
                equal++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(equal).isEqualTo(calls);
        assertThat(allocated).as("bytes allocated by %d equals calls", calls).isLessThan(10_000);
    }

    @Test
    void hashCode_ofRegionsWhoseNameHashesDifferByOne_doesNotCollideForIdsThirtyOneApart() {
        // 31 * name.hashCode() + partsHash collides on (m0, id + 31) and (m1, id) for every id: BENCHMARKS.md finding 5
        assertThat("m1".hashCode() - "m0".hashCode()).isEqualTo(1);
        Set<Integer> hashes = new HashSet<>();
        int keys = 0;
        for (int region = 0; region < 10; region++) {
            for (long id = 0; id < 1_000; id++) {
                hashes.add(new GroupKey("m" + region, List.of(id)).hashCode());
                keys++;
            }
        }

        assertThat(hashes).as("distinct hash codes of %d group keys", keys).hasSizeGreaterThan(keys * 999 / 1000);
    }

    @Test
    void hashCode_ofTwoPartGroupsShiftedByThirtyOne_doesNotCollide() {
        // Arrays.hashCode of (a, b) equals that of (a + 1, b - 31): dense two-part groups share few hash codes
        Set<Integer> hashes = new HashSet<>();
        int keys = 0;
        for (int a = 0; a < 100; a++) {
            for (int b = 0; b < 100; b++) {
                hashes.add(new GroupKey("feed", List.of(a, b)).hashCode());
                keys++;
            }
        }

        assertThat(new GroupKey("feed", List.of(1, 40)).hashCode()).isNotEqualTo(new GroupKey("feed", List.of(2, 9)).hashCode());
        assertThat(hashes).as("distinct hash codes of %d group keys", keys).hasSizeGreaterThan(keys * 999 / 1000);
    }

    @Test
    void hashCode_ofGroupsDifferingOnlyInLength_differs() {
        assertThat(new GroupKey("feed", List.of()).hashCode()).isNotEqualTo(new GroupKey("feed", Arrays.asList((Object) null)).hashCode());
        assertThat(new GroupKey("feed", List.of(0)).hashCode()).isNotEqualTo(new GroupKey("feed", List.of(0, 0)).hashCode());
    }
}
