package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import org.junit.jupiter.api.Test;

/** The deployment summary (TRIGGERCACHE-001) says what was declared and which store the entries live in. */
class SummaryTest {

    public static class TwoMethods {
        @Cached(triggers = @Trigger(entity = Post.class))
        public String latest() {
            return "latest";
        }

        @Cached(suffix = "#0", triggers = {
                @Trigger(entity = Comment.class, suffix = "post.id"),
                @Trigger(entity = Post.class, suffix = "id")})
        public String comments(long postId) {
            return "comments of " + postId;
        }
    }

    @Test
    void summary_countsMethodsAndTriggers_andNamesTheStoreItOpened() {
        try (TriggerCacheEngine engine = TriggerCacheEngine.builder().store(JCacheStore.embedded(), true)
                .build(Harness.definitions(TwoMethods.class))) {
            assertThat(engine.summary()).matches("2 cached method\\(s\\), 3 trigger\\(s\\), store "
                    + "JCacheStore\\[org\\.ehcache\\.jsr107\\.EhcacheCachingProvider \\S+, tokens LOCAL\\] \\(opened by triggercache\\)");
        }
    }

    @Test
    void summary_saysWhenTheStoreIsTheApplications() {
        try (JCacheStore store = JCacheStore.embedded();
             TriggerCacheEngine engine = TriggerCacheEngine.builder().store(store, false)
                     .build(Harness.definitions(TwoMethods.class))) {
            assertThat(engine.summary()).endsWith("store " + store + " (the application's)");
        }
    }
}
