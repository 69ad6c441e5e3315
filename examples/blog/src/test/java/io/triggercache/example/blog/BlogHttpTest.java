package io.triggercache.example.blog;

import static io.triggercache.example.blog.RunningBlog.Counts.NONE;
import static io.triggercache.example.blog.service.BlogQueries.COMMENTS;
import static io.triggercache.example.blog.service.BlogQueries.LATEST_POSTS;
import static io.triggercache.example.blog.service.BlogQueries.POST;
import static io.triggercache.example.blog.service.BlogQueries.POSTS_BY_TAG;
import static io.triggercache.example.blog.service.CommentsFragment.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.example.blog.RunningBlog.Counts;
import io.triggercache.example.blog.RunningBlog.Stats;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blog over HTTP, as a user (or curl) drives it: each story reads the statistics before and after and
 * asserts which cached methods hit, loaded and were invalidated, and how many SQL statements ran.
 *
 * <p>One server for the class; every test warms what it reads and asserts differences, so the tests do not
 * depend on their order.
 */
class BlogHttpTest {

    private static final Pattern POST_IDS = Pattern.compile("<li class=\"post\" data-id=\"(\\d+)\">");
    private static final Pattern COMMENT_TEXTS = Pattern.compile("<div class=\"comment-text\">([^<]*)</div>");

    private static RunningBlog blog;

    @BeforeAll
    static void start() throws Exception {
        blog = RunningBlog.start();
    }

    @AfterAll
    static void stop() {
        if (blog != null) {
            blog.close();
        }
    }

    @Test
    void home_listsTheFiveLatestSeededPosts_newestFirst() throws Exception {
        HttpResponse<String> home = blog.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).isEqualToIgnoringCase("text/html;charset=UTF-8"));
        assertThat(home.body()).contains("<h1>Latest posts</h1>", "Reading the statistics", "Tags are a collection");
        assertThat(postIds(home.body())).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void postPage_afterCommentPosted_reloadsOnlyThatPostsCommentGroup() throws Exception {
        blog.get("/posts/1");
        blog.get("/posts/2");
        blog.get("/");
        Stats start = blog.stats();

        // cache hit: the post and its rendered comments, no SQL
        HttpResponse<String> before = blog.get("/posts/1");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("<h1>Caching the results of bean methods</h1>");
        List<String> commentsBefore = commentTexts(before.body());
        assertThat(commentsBefore).contains("Then the Invalidator drops the groups by hand.");
        Stats hit = blog.stats().since(start);
        assertThat(hit.of(POST)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(hit.of(NAME)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(hit.of(COMMENTS)).isEqualTo(NONE);
        assertThat(hit.sqlStatements()).isZero();

        // a comment on post 1: the transaction commits, then group 1 of both comment methods is dropped
        Stats beforePost = blog.stats();
        HttpResponse<String> posted = blog.post("/posts/1/comments", Map.of("author", "Barbara", "text", "Comment from the HTTP test"));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/posts/1");
        Stats write = blog.stats().since(beforePost);
        assertThat(write.of(COMMENTS)).isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(NAME)).as("no trigger of its own: it drops with the comments group it rendered").isEqualTo(NONE);
        assertThat(write.of(POST)).isEqualTo(NONE);
        assertThat(write.of(LATEST_POSTS)).isEqualTo(NONE);
        assertThat(write.of(POSTS_BY_TAG)).isEqualTo(NONE);
        assertThat(write.sqlStatements()).as("select the post, insert the comment").isEqualTo(2);

        // the next view: post still a hit; the fragment misses, renders, and asks comments, which loads (one query)
        Stats beforeView = blog.stats();
        HttpResponse<String> after = blog.get("/posts/1");
        assertThat(commentTexts(after.body())).hasSize(commentsBefore.size() + 1).endsWith("Comment from the HTTP test");
        Stats view = blog.stats().since(beforeView);
        assertThat(view.of(POST)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(view.of(NAME)).isEqualTo(Counts.of(0, 1, 1, 0));
        assertThat(view.of(COMMENTS)).isEqualTo(Counts.of(0, 1, 1, 0));
        assertThat(view.sqlStatements()).isEqualTo(1);

        // another post's groups were not touched: cache hits, no SQL
        Stats beforeOther = blog.stats();
        assertThat(blog.get("/posts/2").body()).contains("<h1>Why invalidate after commit</h1>");
        assertThat(blog.get("/").statusCode()).isEqualTo(200);
        Stats other = blog.stats().since(beforeOther);
        assertThat(other.of(POST)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(other.of(NAME)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(other.of(COMMENTS)).isEqualTo(NONE);
        assertThat(other.of(LATEST_POSTS)).isEqualTo(Counts.of(1, 0, 0, 0));
        assertThat(other.sqlStatements()).isZero();
    }

    @Test
    void home_afterNewPost_showsItFirst_andReloadsLatestPostsOnce() throws Exception {
        blog.get("/");
        blog.get("/posts/2");
        Stats start = blog.stats();

        HttpResponse<String> created = blog.post("/posts", Map.of("author", "Margaret", "title", "A post from the HTTP test",
                "body", "Written to see the home page reload.", "tags", "Testing, caching"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/posts/\\d+");
        long id = Long.parseLong(location.substring("/posts/".length()));
        Stats write = blog.stats().since(start);
        assertThat(write.of(LATEST_POSTS)).isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(POSTS_BY_TAG)).as("a new post drops the groups of its tags: testing, caching").isEqualTo(Counts.of(0, 0, 0, 2));
        assertThat(write.of(POST)).as("an insert is not among the post's triggers").isEqualTo(NONE);

        Stats beforeHome = blog.stats();
        HttpResponse<String> home = blog.get("/");
        assertThat(postIds(home.body())).hasSize(5).first().isEqualTo(id);
        assertThat(blog.get("/").statusCode()).isEqualTo(200);
        Stats views = blog.stats().since(beforeHome);
        assertThat(views.of(LATEST_POSTS)).as("db hit, then cache hit").isEqualTo(Counts.of(1, 1, 1, 0));
        assertThat(views.sqlStatements()).isEqualTo(1);

        HttpResponse<String> page = blog.get(location);
        assertThat(page.body()).contains("<h1>A post from the HTTP test</h1>", "href=\"/tags/testing\"", "No comments yet.");
    }

    @Test
    void tagPages_afterPostRetagged_areReloaded_andOnlyThatPostIsDropped() throws Exception {
        assertThat(blog.get("/tags/retagged").body()).contains("No post has this tag.");
        assertThat(postIds(blog.get("/tags/mustache").body())).contains(4L);      // post 4: mustache, caching
        blog.get("/tags/hibernate");                                   // a tag post 4 never had
        blog.get("/posts/4");
        blog.get("/posts/5");
        blog.get("/");
        Stats start = blog.stats();

        HttpResponse<String> retagged = blog.post("/posts/4/tags", Map.of("tags", "caching, Retagged"));
        assertThat(retagged.statusCode()).isEqualTo(303);
        assertThat(retagged.headers().firstValue("Location")).hasValue("/posts/4");
        Stats write = blog.stats().since(start);
        assertThat(write.of(POSTS_BY_TAG)).as("the groups of the old and new tags: mustache, caching, retagged")
                .isEqualTo(Counts.of(0, 0, 0, 3));
        assertThat(write.of(POST)).as("group 4 only").isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(LATEST_POSTS)).as("an update is not among its triggers").isEqualTo(NONE);
        assertThat(write.of(COMMENTS)).isEqualTo(NONE);

        Stats beforeViews = blog.stats();
        HttpResponse<String> tagPage = blog.get("/tags/retagged");
        assertThat(postIds(tagPage.body())).containsExactly(4L);
        assertThat(postIds(blog.get("/tags/mustache").body())).as("the tag it lost").doesNotContain(4L);
        assertThat(blog.get("/tags/hibernate").statusCode()).isEqualTo(200);
        assertThat(blog.get("/posts/4").body()).contains("href=\"/tags/retagged\"").doesNotContain("href=\"/tags/mustache\"");
        assertThat(blog.get("/posts/5").statusCode()).isEqualTo(200);
        Stats views = blog.stats().since(beforeViews);
        assertThat(views.of(POSTS_BY_TAG)).as("retagged and mustache reload, hibernate stays a hit").isEqualTo(Counts.of(1, 2, 2, 0));
        assertThat(views.of(POST)).as("post 4 reloaded, post 5 a hit").isEqualTo(Counts.of(1, 1, 1, 0));
        assertThat(views.of(NAME)).as("the comments did not change").isEqualTo(Counts.of(2, 0, 0, 0));
        assertThat(views.sqlStatements()).isEqualTo(3);
    }

    @Test
    void deletedPost_isGoneFromHome_andItsGroupsAreDropped() throws Exception {
        HttpResponse<String> created = blog.post("/posts", Map.of("author", "Edsger", "title", "Short-lived", "body", "To be deleted."));
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/posts/".length()));
        assertThat(blog.get(location).statusCode()).isEqualTo(200);
        assertThat(postIds(blog.get("/").body())).contains(id);
        Stats start = blog.stats();

        HttpResponse<String> deleted = blog.post(location + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/");
        Stats write = blog.stats().since(start);
        assertThat(write.of(LATEST_POSTS)).isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(POST)).isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(COMMENTS)).isEqualTo(Counts.of(0, 0, 0, 1));
        assertThat(write.of(NAME)).as("no trigger of its own: it drops with the comments group it rendered").isEqualTo(NONE);

        assertThat(blog.get(location).statusCode()).isEqualTo(404);
        assertThat(postIds(blog.get("/").body())).doesNotContain(id).hasSize(5);
    }

    @Test
    void commentWithoutText_isRefused_andDropsNothing() throws Exception {
        Stats start = blog.stats();

        HttpResponse<String> refused = blog.post("/posts/1/comments", Map.of("author", "Nobody", "text", "   "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("A comment needs your name and a text.");
        Stats after = blog.stats().since(start);
        assertThat(after.of(COMMENTS)).isEqualTo(NONE);
        assertThat(after.of(NAME)).isEqualTo(NONE);
        assertThat(after.sqlStatements()).isZero();
    }

    @Test
    void unknownPosts_areNotFound_andNotCached() throws Exception {
        Stats start = blog.stats();

        assertThat(blog.get("/posts/999999").statusCode()).isEqualTo(404);
        assertThat(blog.get("/posts/999999").statusCode()).isEqualTo(404);
        assertThat(blog.get("/posts/not-a-number").statusCode()).isEqualTo(404);
        assertThat(blog.post("/posts/999999/comments", Map.of("author", "A", "text", "B")).statusCode()).isEqualTo(404);

        Stats after = blog.stats().since(start);
        assertThat(after.of(POST)).as("a null result is not cached").isEqualTo(Counts.of(0, 2, 2, 0));
        assertThat(after.of(COMMENTS)).isEqualTo(NONE);
    }

    @Test
    void stats_asJsonOrHtml_showEveryCachedMethod() throws Exception {
        HttpResponse<String> byAccept = blog.get("/stats", "application/json");
        assertThat(byAccept.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        Stats stats = Stats.parse(byAccept.body());
        assertThat(stats.methods()).containsOnlyKeys(LATEST_POSTS, POST, COMMENTS, NAME, POSTS_BY_TAG);
        assertThat(stats.sqlStatements()).isPositive();

        HttpResponse<String> html = blog.get("/stats");
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).isEqualToIgnoringCase("text/html;charset=UTF-8"));
        assertThat(html.body()).contains("<tr id=\"stats-latestPosts\">", "<tr id=\"stats-post\">", "<tr id=\"stats-comments\">",
                "<tr id=\"stats-commentsFragment\">", "<tr id=\"stats-postsByTag\">", "<strong id=\"sql-statements\">");
    }

    private static List<Long> postIds(String html) {
        Matcher m = POST_IDS.matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static List<String> commentTexts(String html) {
        Matcher m = COMMENT_TEXTS.matcher(html);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }
}
