package io.triggercache.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snapshots belong to entity instances, not to equal entities. */
class SnapshotsTest {

    /** An entity whose equals says two instances with one id are equal, as many do. */
    record SameId(long id) {
    }

    @Test
    void equalButDistinctEntities_haveTheirOwnSnapshots() {
        Snapshots snapshots = new Snapshots();
        SameId a = new SameId(1);
        SameId b = new SameId(1);
        snapshots.put(a, new Object[] {"a"});
        snapshots.put(b, new Object[] {"b"});

        assertThat(snapshots.get(a)).containsExactly("a");
        assertThat(snapshots.get(b)).containsExactly("b");
        assertThat(snapshots.size()).isEqualTo(2);
        assertThat(snapshots.remove(a)).containsExactly("a");
        assertThat(snapshots.get(a)).isNull();
        assertThat(snapshots.size()).isEqualTo(1);
    }
}
