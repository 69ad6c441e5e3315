package io.triggercache.it.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.openqa.selenium.By;

/**
 * The stories both servers run with headless Chromium against the deployed Faces blog: a reader opens its pages,
 * comments through the post page's own form, and reads the fragments' counters on its stats page. SQL statements
 * are counted by the database ({@link DatabaseStatements}), so on Payara's EclipseLink too. Each story reads the
 * counters before and after, so they run in any order; they use different posts of the demo data.
 */
final class FacesBrowserStories {

    private static final String COMMENTS = "fragment:post-comments";

    private FacesBrowserStories() {
    }

    /** The first render of a post page runs the queries, the second runs none and is a hit on the stats page. */
    static void secondRender_isAHit_andRunsNoSql(FacesBlog blog, FacesBrowser browser) {
        String post = blog.url("/post.xhtml?id=" + blog.postIds().get(0));
        Map<String, Long> before = browser.stats(blog.url("/stats.xhtml"), COMMENTS);

        long sql = blog.databaseStatements();
        browser.open(post);                                                          // rendered: the post and its comments
        String first = browser.comments();
        long afterFirst = blog.databaseStatements();
        browser.open(post);                                                          // cache hit
        assertThat(browser.comments()).isEqualTo(first);
        long afterSecond = blog.databaseStatements();

        assertThat(afterFirst).as("SQL statements of the first render").isGreaterThan(sql);
        assertThat(afterSecond).as("SQL statements of the second render").isEqualTo(afterFirst);
        Map<String, Long> after = browser.stats(blog.url("/stats.xhtml"), COMMENTS);
        assertThat(after.get("misses")).isEqualTo(before.get("misses") + 1);
        assertThat(after.get("loads")).isEqualTo(before.get("loads") + 1);
        assertThat(after.get("hits")).isEqualTo(before.get("hits") + 1);
    }

    /**
     * A comment typed into the post page's form and committed drops that post's fragment (the stats page shows the
     * drop: the comments group invalidated, the fragment missed and rendered again); another post's stays a hit.
     */
    static void committedComment_dropsOnlyThatPostsFragment(FacesBlog blog, FacesBrowser browser) {
        String post = blog.url("/post.xhtml?id=" + blog.postIds().get(1));
        String other = blog.url("/post.xhtml?id=" + blog.postIds().get(2));
        browser.open(post);                                                          // rendered (or a hit)
        browser.open(other);                                                         // rendered (or a hit)
        String otherComments = browser.comments();
        Map<String, Long> before = browser.stats(blog.url("/stats.xhtml"), COMMENTS);
        Map<String, Long> groupBefore = browser.stats(blog.url("/stats.xhtml"), "comments");

        browser.open(post);                                                          // cache hit
        String text = "Typed by headless Chromium " + System.nanoTime();
        browser.comment("send", "Chromium", text);
        browser.awaitText(By.cssSelector("section.comments"), text);                // committed, redirected, rendered again

        long sql = blog.databaseStatements();
        browser.open(other);                                                         // cache hit
        assertThat(browser.comments()).isEqualTo(otherComments);
        assertThat(blog.databaseStatements()).as("SQL statements of the other post's render").isEqualTo(sql);

        Map<String, Long> after = browser.stats(blog.url("/stats.xhtml"), COMMENTS);
        assertThat(after.get("hits")).isEqualTo(before.get("hits") + 2);           // the post before the comment, the other after
        assertThat(after.get("misses")).isEqualTo(before.get("misses") + 1);       // the post after the comment
        assertThat(after.get("loads")).isEqualTo(before.get("loads") + 1);
        assertThat(browser.stats(blog.url("/stats.xhtml"), "comments").get("invalidations"))
                .isEqualTo(groupBefore.get("invalidations") + 1);                  // the post's comments group
        assertThat(browser.droppedWith(blog.url("/stats.xhtml"), COMMENTS)).contains("comments group");
    }

    /** A comment whose transaction rolls back shows its message and leaves the fragment in place (a hit). */
    static void rolledBackComment_leavesTheFragment(FacesBlog blog, FacesBrowser browser) {
        String post = blog.url("/post.xhtml?id=" + blog.postIds().get(3));
        browser.open(post);                                                          // rendered (or a hit)
        String comments = browser.comments();
        Map<String, Long> before = browser.stats(blog.url("/stats.xhtml"), COMMENTS);
        Map<String, Long> groupBefore = browser.stats(blog.url("/stats.xhtml"), "comments");

        browser.open(post);                                                          // cache hit
        String text = "Rolled back by the page " + System.nanoTime();
        browser.comment("rollback", "Chromium", text);
        browser.awaitText(By.id("comment:messages"), "rolled back");                 // the postback's render: a hit
        assertThat(browser.comments()).isEqualTo(comments).doesNotContain(text);
        browser.open(post);                                                          // cache hit
        assertThat(browser.comments()).isEqualTo(comments);

        Map<String, Long> after = browser.stats(blog.url("/stats.xhtml"), COMMENTS);
        assertThat(after.get("hits")).isEqualTo(before.get("hits") + 3);
        assertThat(after.get("misses")).isEqualTo(before.get("misses"));
        assertThat(after.get("loads")).isEqualTo(before.get("loads"));
        assertThat(browser.stats(blog.url("/stats.xhtml"), "comments").get("invalidations"))
                .isEqualTo(groupBefore.get("invalidations"));
    }
}
