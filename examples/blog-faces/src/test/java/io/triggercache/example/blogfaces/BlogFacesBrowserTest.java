package io.triggercache.example.blogfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Faces blog in headless Chromium (Selenium, chromedriver; the Debian packages {@code chromium} and
 * {@code chromium-driver}): a reader views a post twice (rendered, then a hit), comments through the page's form,
 * sees the comment, and the stats page shows that post's fragment rendered again and another post's still a hit.
 * A comment that rolls back leaves the fragment cached. Fails, never skips, when the browser is missing.
 */
class BlogFacesBrowserTest {

    private static final String CHROMIUM = System.getProperty("blog.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("blog.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    private static BlogFacesServer blog;
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
        blog = BlogFacesServer.start("127.0.0.1", 0, "jdbc:h2:mem:blog-faces-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
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
    void commentThroughTheForm_dropsOnlyThatPostsFragment_andARollbackLeavesIt() {
        open("/post.xhtml?id=1");                                                   // rendered
        open("/post.xhtml?id=2");                                                   // rendered
        open("/post.xhtml?id=2");                                                   // cache hit
        assertThat(counters("fragment:post-comments")).containsExactly(1L, 2L, 2L); // hits, misses, loads

        open("/post.xhtml?id=1");                                                   // cache hit
        browser.findElement(By.id("comment:author")).sendKeys("Katherine");
        browser.findElement(By.id("comment:text")).sendKeys("Typed by headless Chromium");
        browser.findElement(By.id("comment:send")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section.comments"), "Typed by headless Chromium"));  // committed, rendered again

        open("/post.xhtml?id=2");                                                   // cache hit
        assertThat(counters("fragment:post-comments")).containsExactly(3L, 3L, 3L);

        open("/post.xhtml?id=1");                                                   // cache hit
        browser.findElement(By.id("comment:author")).sendKeys("Katherine");
        browser.findElement(By.id("comment:text")).sendKeys("Rolled back by the page");
        browser.findElement(By.id("comment:rollback")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("comment:messages"), "rolled back"));                         // the postback: a cache hit
        assertThat(browser.findElement(By.cssSelector("section.comments")).getText()).doesNotContain("Rolled back by the page");
        assertThat(counters("fragment:post-comments")).containsExactly(5L, 3L, 3L);
    }

    private static void open(String path) {
        browser.get("http://127.0.0.1:" + blog.port() + path);
    }

    private static List<Long> counters(String fragment) {
        open("/stats.xhtml");
        var row = browser.findElement(By.cssSelector("tr.row[data-name='" + fragment + "']"));
        return List.of(Long.parseLong(row.findElement(By.className("hits")).getText()),
                Long.parseLong(row.findElement(By.className("misses")).getText()),
                Long.parseLong(row.findElement(By.className("loads")).getText()));
    }
}
