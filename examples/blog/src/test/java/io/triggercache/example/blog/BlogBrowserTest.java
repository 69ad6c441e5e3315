package io.triggercache.example.blog;

import static io.triggercache.example.blog.service.BlogQueries.COMMENTS;
import static io.triggercache.example.blog.service.BlogQueries.LATEST_POSTS;
import static io.triggercache.example.blog.service.BlogQueries.POST;
import static io.triggercache.example.blog.service.CommentsFragment.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.triggercache.example.blog.RunningBlog.Counts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The blog in a real browser: headless Chromium driven by Selenium through chromedriver, both from the
 * Debian packages {@code chromium} and {@code chromium-driver}. A person opens a post, adds a comment
 * through the form, sees it on the next page view, and sees on {@code /stats} that only that post's
 * comment group was reloaded.
 *
 * <p>Paths: {@code -Dblog.chromium} (default {@code /usr/bin/chromium}) and {@code -Dblog.chromedriver}
 * (default {@code /usr/bin/chromedriver}). Selenium is given both, so it never looks for or downloads a
 * browser or driver. Without them the test fails and says how to install them; it is never skipped.
 */
class BlogBrowserTest {

    private static final String CHROMIUM = System.getProperty("blog.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("blog.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    private static RunningBlog blog;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                fail(executable + " is missing: the browser test needs headless Chromium and its driver. Install them with "
                        + "'apt-get update && apt-get install -y chromium chromium-driver' (Debian), or point "
                        + "-Dblog.chromium and -Dblog.chromedriver at them.");
            }
        }
        blog = RunningBlog.start();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (blog != null) {
            blog.close();
        }
    }

    @Test
    void commentAddedThroughTheForm_showsOnTheNextView_andOnlyThatPostsGroupIsReloaded() {
        // first views fill the cache for posts 1 and 2
        open("/posts/1");
        open("/posts/2");
        open("/");
        Map<String, Counts> before = statsPage();

        open("/posts/1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Caching the results of bean methods");
        int commentsBefore = browser.findElements(By.cssSelector("#comments li.comment")).size();
        browser.findElement(By.id("comment-author")).sendKeys("Katherine");
        browser.findElement(By.id("comment-text")).sendKeys("Typed into the form by headless Chromium");
        browser.findElement(By.id("comment-submit")).click();

        // the POST answers 303; the browser's next view of the post shows the comment
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("comments"), "Typed into the form by headless Chromium"));
        assertThat(browser.getCurrentUrl()).isEqualTo(blog.url("/posts/1"));
        List<WebElement> comments = browser.findElements(By.cssSelector("#comments li.comment"));
        assertThat(comments).hasSize(commentsBefore + 1);
        assertThat(comments.get(comments.size() - 1).findElement(By.className("comment-author")).getText()).isEqualTo("Katherine");

        open("/posts/2");
        Map<String, Counts> after = statsPage();

        // post 1's comment group was dropped and reloaded once; the posts themselves and post 2's comments were hits
        assertThat(after.get(COMMENTS).minus(before.get(COMMENTS))).isEqualTo(Counts.of(0, 1, 1, 1));
        // the fragment declares no trigger: it dropped with the comments group it rendered, so no invalidation of its own
        assertThat(after.get(NAME).minus(before.get(NAME))).isEqualTo(Counts.of(2, 1, 1, 0));
        assertThat(after.get(POST).minus(before.get(POST))).isEqualTo(Counts.of(3, 0, 0, 0));
        assertThat(after.get(LATEST_POSTS).minus(before.get(LATEST_POSTS))).isEqualTo(Counts.of(0, 0, 0, 0));
    }

    @Test
    void aCommentsDrop_isFollowedFromStatsToItsCause_onTheAdminPage() {
        open("/posts/3");                                                        // cached: post 3's comments
        browser.findElement(By.id("comment-author")).sendKeys("Grace");
        browser.findElement(By.id("comment-text")).sendKeys("Followed to its cause");
        browser.findElement(By.id("comment-submit")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "Followed to its cause"));

        open("/stats");
        String admin = browser.findElement(By.id("admin-link")).getAttribute("href");
        assertThat(admin).isEqualTo(blog.url("/triggercache/"));
        // the endpoint wants HTTP Basic: a person types the password printed at start, the test puts it in the address
        browser.get(admin.replace("http://", "http://" + io.triggercache.example.blog.embedded.BlogServer.ADMIN_USER + ":"
                + blog.adminPassword() + "@"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("methods")));

        WebElement row = browser.findElement(By.id("m-" + COMMENTS));
        String lastDrop = row.findElement(By.cssSelector("ul.drops li")).getText();
        assertThat(lastDrop).matches(".* Comment#\\d+ INSERT \\(post\\.id\\) -> group \\[3\\] "
                + "\\(trigger Comment INSERT\\|UPDATE\\|DELETE -> group post\\.id\\)");
        assertThat(browser.findElement(By.id("health")).getText()).startsWith("ready");
    }

    private static void open(String path) {
        browser.get(blog.url(path));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    /** Reads the statistics table of {@code /stats} as a person would see it. */
    private static Map<String, Counts> statsPage() {
        open("/stats");
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#stats tbody tr"))) {
            counts.put(cell(row, "name"), Counts.of(number(row, "hits"), number(row, "misses"), number(row, "loads"),
                    number(row, "invalidations")));
        }
        assertThat(counts).containsKeys(LATEST_POSTS, POST, COMMENTS, NAME);
        return counts;
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.className(column)).getText().strip();
    }

    private static long number(WebElement row, String column) {
        return Long.parseLong(cell(row, column));
    }
}
