package io.triggercache.it.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** The stories both servers run against the deployed Faces blog, on the posts its home page lists (the demo data). */
final class FacesBlogStories {

    private static final String COMMENTS = "fragment:post-comments";
    private static final String LIST = "fragment:post-list";

    private FacesBlogStories() {
    }

    /**
     * First render runs the queries, the second none, counted by the database ({@link DatabaseStatements}) and, where
     * {@code countsSql} (Hibernate ORM), by the blog's {@code /stats} too.
     */
    static void secondRender_isAHit_andRunsNoSql(FacesBlog blog, boolean countsSql) {
        long id = blog.postIds().get(2);                                          // the list rendered (or already cached)
        long listHits = blog.stat(LIST, "hits");
        long sql = blog.sqlStatements();
        long db = blog.databaseStatements();
        HttpResponse<String> first = blog.get("/post.xhtml?id=" + id);             // db hit: the post and its comments
        long afterFirst = blog.sqlStatements();
        long dbAfterFirst = blog.databaseStatements();
        long hits = blog.stat(COMMENTS, "hits");
        long loads = blog.stat(COMMENTS, "loads");

        HttpResponse<String> second = blog.get("/post.xhtml?id=" + id);            // cache hit
        assertThat(FacesBlog.comments(second)).isEqualTo(FacesBlog.comments(first));
        assertThat(blog.stat(COMMENTS, "hits")).isEqualTo(hits + 1);
        assertThat(blog.stat(COMMENTS, "loads")).isEqualTo(loads);
        blog.get("/index.xhtml");                                                  // cache hit
        assertThat(blog.stat(LIST, "hits")).isEqualTo(listHits + 1);
        assertThat(dbAfterFirst).as("statements the database ran for the first render").isGreaterThan(db);
        assertThat(blog.databaseStatements()).as("statements the database ran for the second renders").isEqualTo(dbAfterFirst);
        if (countsSql) {
            assertThat(afterFirst).isGreaterThan(sql);
            assertThat(blog.sqlStatements()).isEqualTo(afterFirst);
        } else {
            assertThat(blog.sqlStatements()).isEqualTo(-1);
        }
    }

    /** A comment committed through the page's form drops that post's fragment; another post's stays a hit. */
    static void committedComment_dropsOnlyThatPostsFragment(FacesBlog blog) {
        long id = blog.postIds().get(0);
        long otherId = blog.postIds().get(1);
        HttpResponse<String> page = blog.get("/post.xhtml?id=" + id);
        String other = FacesBlog.comments(blog.get("/post.xhtml?id=" + otherId));
        long loads = blog.stat(COMMENTS, "loads");
        long hits = blog.stat(COMMENTS, "hits");

        String text = "committed through the Faces form " + System.nanoTime();
        assertThat(blog.submit(page, id, "send", text).statusCode()).isEqualTo(302);

        assertThat(FacesBlog.comments(blog.get("/post.xhtml?id=" + id))).contains(text);            // rendered again
        assertThat(FacesBlog.comments(blog.get("/post.xhtml?id=" + otherId))).isEqualTo(other);     // cache hit
        assertThat(blog.stat(COMMENTS, "loads")).isEqualTo(loads + 1);
        assertThat(blog.stat(COMMENTS, "hits")).isEqualTo(hits + 1);
    }

    /** A comment whose transaction rolls back leaves the fragment in place. */
    static void rolledBackComment_leavesTheFragment(FacesBlog blog) {
        long id = blog.postIds().get(3);
        HttpResponse<String> page = blog.get("/post.xhtml?id=" + id);
        String before = FacesBlog.comments(page);
        long loads = blog.stat(COMMENTS, "loads");

        HttpResponse<String> failed = blog.submit(page, id, "rollback", "rolled back " + System.nanoTime());
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("its transaction rolled back");

        assertThat(FacesBlog.comments(blog.get("/post.xhtml?id=" + id))).isEqualTo(before);  // cache hit
        assertThat(blog.stat(COMMENTS, "loads")).isEqualTo(loads);
    }
}
