package it.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Debian's chromedriver, with a profile of its own that is deleted
 * afterwards. The driver and browser paths are given explicitly so Selenium Manager never tries to
 * download anything. Without chromedriver the UI tests are skipped, not failed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    final ChromeDriver driver;
    final String baseUrl;
    /** Where the browser saves downloads without asking (null unless asked for). */
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.baseUrl = "http://localhost:" + System.getProperty("rms.http.port", "9080");
    }

    static Browser start() throws IOException {
        return start(false);
    }

    /** A browser that saves what it downloads into {@link #downloads}, a directory deleted with its profile. */
    static Browser startDownloading() throws IOException {
        return start(true);
    }

    private static Browser start(boolean saveDownloads) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            String why = "no " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + ": CI runs every browser test, none may be skipped");
            }
            System.err.println("\n!!!!!!!! BROWSER TESTS SKIPPED: " + why + " !!!!!!!!\n");
            Assumptions.assumeTrue(false, why);
        }
        // the server can listen while the application still starts (its pages answer 404 until then)
        it.Api.awaitReady();
        Path profile = Files.createTempDirectory("rms-ui-chrome");
        Path downloads = saveDownloads ? Files.createTempDirectory("rms-ui-downloads") : null;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "download.directory_upgrade", true));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        if (downloads != null) {
            // headless Chromium saves downloads only where it is told to over the DevTools protocol
            driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
        }
        return new Browser(driver, profile, downloads);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Fills in and sends the back office's sign-in form (the page must show it). */
    void adminSignIn(String tenant, String username, String password) {
        type(By.id("login:tenant"), tenant);
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        find(By.id("login:signIn")).click();
    }

    /** Types into an input after clearing whatever the page put there. */
    void type(By by, String text) {
        WebElement input = until(d -> d.findElement(by));
        // clear() alone does not empty every widget (a PrimeFaces spinner keeps its value)
        input.clear();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Waits up to 20 s for {@code condition} to hold (non-null, or true), re-reading a page that changed under it. */
    <T> T until(Function<WebDriver, T> condition) {
        // Chromium 156 reports an element that a navigation or an Ajax update replaced while it was
        // read as "node does not belong to the document", not as stale: the same thing, read again
        Function<WebDriver, T> rereading = d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(rereading);
        } catch (TimeoutException e) {
            // what the user would have seen is the quickest way to the cause
            throw new AssertionError("timed out on " + driver.getCurrentUrl() + " showing:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Keeps a picture of the page in target/ui-screenshots for whoever reviews the screens. */
    void snapshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "ui-screenshots"));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot " + name, e);
        }
    }

    /** The text of the message shown next to the input {@code id}, once it contains {@code text}. */
    String messageAt(String id, String text) {
        return until(d -> {
            WebElement message = d.findElement(By.id(id)).findElement(
                    By.xpath("./following::*[contains(@class,'ui-message')][1]"));
            return message.getText().contains(text) ? message.getText() : null;
        });
    }

    boolean pageHas(String text) {
        return driver.findElement(By.tagName("body")).getText().contains(text);
    }

    String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            if (downloads != null) {
                delete(downloads);
            }
        }
    }
}
