package io.triggercache.it.faces;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Selenium and chromedriver; the Debian packages {@code chromium} and {@code chromium-driver})
 * on the deployed Faces blog: opens its pages, types into the comment form and clicks its buttons, reads the
 * stats page. {@link #start} fails, never skips, when the browser or its driver is missing.
 */
final class FacesBrowser implements AutoCloseable {

    /** How long a page may take to load, or an awaited element to show (a bound, not a pause). */
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final String CHROMIUM = System.getProperty("blog.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("blog.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private FacesBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts headless Chromium with a fresh profile; fails the test when it or chromedriver is missing. */
    static FacesBrowser start() {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                fail(executable + " is missing: the Faces browser suites (WildFlyFacesBrowserIT, PayaraFacesBrowserIT) need headless"
                        + " Chromium and its driver. Install them with 'apt-get update && apt-get install -y chromium chromium-driver'"
                        + " (Debian), or point -Dblog.chromium and -Dblog.chromedriver at them.");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("tc-faces-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new FacesBrowser(driver, profile);
    }

    /** Opens a page and waits until it has loaded (WebDriver's page load strategy "normal"). */
    void open(String url) {
        driver.get(url);
    }

    /** The text of a post page's comments section (what {@code <tc:cache>} renders). */
    String comments() {
        return driver.findElement(By.cssSelector("section.comments")).getText();
    }

    /** Types a comment into the open post page's form and clicks {@code button} ({@code send} or {@code rollback}). */
    void comment(String button, String author, String text) {
        driver.findElement(By.id("comment:author")).sendKeys(author);
        driver.findElement(By.id("comment:text")).sendKeys(text);
        driver.findElement(By.id("comment:" + button)).click();
    }

    /** Waits until the element has the text (the page the click led to has loaded). */
    void awaitText(By element, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /**
     * One row of the stats page ({@code stats.xhtml}), as the browser shows it: {@code hits}, {@code misses},
     * {@code loads} (renders) and {@code invalidations}.
     */
    Map<String, Long> stats(String statsUrl, String name) {
        open(statsUrl);
        WebElement row = driver.findElement(By.cssSelector("tr.row[data-name='" + name + "']"));
        return Map.of("hits", number(row, "hits"), "misses", number(row, "misses"), "loads", number(row, "loads"),
                "invalidations", number(row, "invalidations"));
    }

    /** The stats page's "cached per, dropped with" cell of a row, as the browser shows it. */
    String droppedWith(String statsUrl, String name) {
        open(statsUrl);
        return driver.findElement(By.cssSelector("tr.row[data-name='" + name + "'] td.dropped-with")).getText();
    }

    private static long number(WebElement row, String cell) {
        return Long.parseLong(row.findElement(By.className(cell)).getText().trim());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
