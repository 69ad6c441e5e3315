package io.triggercache.it.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What two nodes sharing one store must show, whatever the server: an entry loaded on A is a hit on B (B never runs the
 * method), a commit on A makes B's next call fresh (I1 across nodes) and the other way round. Uses article {@code id}
 * of {@link SharedDatabase}, titled "article id" at the start.
 */
public final class TwoNodeStories {

    private TwoNodeStories() {
    }

    public static void anEntryLoadedOnAIsAHitOnB_andACommitOnOneNodeIsSeenByTheOther(SharedDatabase db, NodeClient a, NodeClient b, long id)
            throws SQLException {
        String t = ArticleService.TITLE;
        String initial = "article " + id;

        Map<String, Long> a0 = a.stats(t);
        assertThat(a.title(id)).isEqualTo(initial);                            // A: miss, runs the query, stores in the shared cache
        assertThat(delta(a0, a.stats(t))).containsEntry("loads", 1L).containsEntry("body", 1L).containsEntry("errors", 0L);

        Map<String, Long> b0 = b.stats(t);
        assertThat(b.title(id)).isEqualTo(initial);                            // B: A's entry, read from the shared cache
        assertThat(b.title(id)).isEqualTo(initial);                            // B: a hit
        assertThat(delta(b0, b.stats(t))).as("B never ran the method: both calls were served from what A stored")
                .containsEntry("hits", 2L).containsEntry("loads", 0L).containsEntry("body", 0L).containsEntry("errors", 0L);

        a.setTitle(id, "edited on A");                                         // a commit on A drops the group in the shared cache
        assertThat(db.title(id)).isEqualTo("edited on A");
        b0 = b.stats(t);
        assertThat(b.title(id)).as("B's next call after A's commit (I1 across nodes)").isEqualTo("edited on A");
        assertThat(delta(b0, b.stats(t))).containsEntry("hits", 0L).containsEntry("loads", 1L).containsEntry("body", 1L);

        a0 = a.stats(t);
        assertThat(a.title(id)).as("A serves what B loaded after the commit").isEqualTo("edited on A");
        assertThat(delta(a0, a.stats(t))).containsEntry("hits", 1L).containsEntry("loads", 0L);

        b.setTitle(id, "edited on B");                                         // and the other way round
        a0 = a.stats(t);
        assertThat(a.title(id)).as("A's next call after B's commit").isEqualTo("edited on B");
        assertThat(delta(a0, a.stats(t))).containsEntry("loads", 1L).containsEntry("errors", 0L);
        assertThat(b.title(id)).isEqualTo("edited on B");
        assertThat(b.stats(t).get("errors")).isZero();
    }

    public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
