package io.triggercache.it.server;

import static io.triggercache.it.server.HealthMetricsWar.COMMENTS;
import static io.triggercache.it.server.HealthMetricsWar.COMMENT_COUNT;
import static io.triggercache.it.server.HealthMetricsWar.Client.flag;
import static io.triggercache.it.server.HealthMetricsWar.Client.text;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The readiness check {@code triggercache} as the server's MicroProfile Health implementation serves it at
 * {@code /health/ready}, over {@link HealthMetricsWar}: UP with its data; DOWN while the store fails; DOWN with the
 * owing methods after a commit whose drops the store refused, UP again once a drop is accepted. None of these
 * stories calls {@code BlogQueries#title}, whose counters the meter story asserts.
 */
public abstract class HealthStories {

    /** The client of the deployed {@link HealthMetricsWar}. */
    protected abstract HealthMetricsWar.Client app();

    @Test
    void readiness_isUp_withTheStoreReachable_nothingOwed_andThePeersTrusted() {
        JsonObject check = app().readiness();

        assertThat(check.getString("status")).as(check.toString()).isEqualTo("UP");
        assertThat(flag(check, "storeReachable")).isTrue();
        assertThat(text(check, "owed")).isEqualTo("");
        assertThat(flag(check, "peersTrusted")).isTrue();   // an embedded store has no peers
        assertThat(text(check, "detail")).startsWith("store switchable ");
    }

    @Test
    void readiness_isDown_whileTheStoreFailsReads_andUpOnceItAnswersAgain() {
        app().store(true, false);
        JsonObject down;
        try {
            down = app().readiness();
        } finally {
            app().store(false, false);
        }
        assertThat(down.getString("status")).as(down.toString()).isEqualTo("DOWN");
        assertThat(flag(down, "storeReachable")).isFalse();
        assertThat(text(down, "owed")).isEqualTo("");
        assertThat(text(down, "detail"))
                .contains("failed a read of " + BlogQueries.class.getName() + ".")
                .contains("the test switched the store's reads off");

        JsonObject up = app().readiness();
        assertThat(up.getString("status")).as(up.toString()).isEqualTo("UP");
        assertThat(flag(up, "storeReachable")).isTrue();
    }

    @Test
    void readiness_reportsTheOwedInvalidations_ofACommitTheStoreRefused_untilTheNextDropIsAccepted() {
        long post = app().newPost("owed drops");
        app().store(false, true);
        try {
            app().addComment(post, "first");                 // commits; the store refuses both drops
        } finally {
            app().store(false, false);
        }
        JsonObject down = app().readiness();
        String owing = app().stats(COMMENT_COUNT);
        app().addComment(post, "second");                    // a new drop repairs first: the owed whole-method drop, then its group
        JsonObject up = app().readiness();
        String repaired = app().stats(COMMENT_COUNT);

        assertThat(down.getString("status")).as(down.toString()).isEqualTo("DOWN");
        assertThat(flag(down, "storeReachable")).isTrue();   // reads work; the drops are owed
        assertThat(text(down, "owed")).isEqualTo(COMMENT_COUNT + "," + COMMENTS);
        assertThat(text(down, "detail"))
                .isEqualTo("2 method(s) owe an invalidation and bypass the cache: " + COMMENT_COUNT + ", " + COMMENTS);
        assertThat(owing).isEqualTo("hits=0 misses=0 loads=0 invalidations=0 bypasses=0 errors=1");
        assertThat(up.getString("status")).as(up.toString()).isEqualTo("UP");
        assertThat(text(up, "owed")).isEqualTo("");
        assertThat(repaired).isEqualTo("hits=0 misses=0 loads=0 invalidations=2 bypasses=0 errors=1");
    }
}
