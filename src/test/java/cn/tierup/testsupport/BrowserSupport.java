package cn.tierup.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for the browser journeys, one per test class. Register it with
 * {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}.
 *
 * <p>Where Chromium or its driver is missing the class is skipped with a loud notice, unless the build
 * runs with {@code -Dtierup.browser=required}, when it fails. Screenshots go to {@code target/screenshots/}
 * of the project, whatever the build directory.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension WIDE = new Dimension(1440, 900);
    public static final Dimension WALL = new Dimension(1920, 1080);
    /** The tallest full-page screenshot taken, in CSS pixels; longer pages are cut here. */
    private static final int MAX_SHOT_HEIGHT = 3200;

    private ChromeDriver driver;
    private Path userDataDir;
    private Dimension viewport = DESKTOP;
    private boolean phone;
    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String missing = missing();
        if (missing != null) {
            String mode = System.getProperty("tierup.browser", "auto");
            if ("required".equalsIgnoreCase(mode.strip())) {
                throw new IllegalStateException("Browser tests are required (-Dtierup.browser=required) but " + missing
                        + ". Install them with: apt-get install chromium chromium-driver fonts-noto-cjk");
            }
            System.err.println("""

                    ************************************************************************
                    *  BROWSER TESTS SKIPPED: %s
                    *  %s needs Debian's Chromium, its driver and the CJK fonts:
                    *      apt-get install chromium chromium-driver fonts-noto-cjk
                    *  Run with -Dtierup.browser=required to make a missing browser fail.
                    ************************************************************************
                    """.formatted(missing, context.getDisplayName()));
            Assumptions.abort("Chromium not available (" + missing + "): apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        // Without this, Selenium Manager would go to the network to look for a driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        userDataDir = Files.createTempDirectory("tierup-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--hide-scrollbars",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + userDataDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // A confirm() the page asks is left open for the journey to answer.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile()).usingAnyFreePort()
                // UTF-8 file names (the Chinese names of uploaded spreadsheets) and Chinese where the build has it.
                .withEnvironment(Map.of("LANG", "C.UTF-8", "LANGUAGE", "zh_CN:zh", "TZ", "Asia/Shanghai")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
        desktop();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (userDataDir != null) {
            try (Stream<Path> files = Files.walk(userDataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A failed journey leaves a picture of where it stopped: target/screenshots/FAILED-{test}.png. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (driver != null) {
            try {
                shot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                throwable.addSuppressed(e);
            }
        }
        throw throwable;
    }

    /** Why the browser cannot run here, or null when it can. */
    static String missing() {
        boolean chromium = Files.isExecutable(Path.of(CHROMIUM));
        boolean chromedriver = Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!chromium && !chromedriver) {
            return CHROMIUM + " and " + CHROMEDRIVER + " are missing";
        }
        if (!chromium) {
            return CHROMIUM + " is missing";
        }
        return chromedriver ? null : CHROMEDRIVER + " is missing";
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Where the application under test listens, e.g. http://localhost:8123. */
    public BrowserSupport baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** An office desktop: 1366 × 900. */
    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(DESKTOP);
        viewport = DESKTOP;
        phone = false;
        fitViewport(DESKTOP.height);
    }

    /** A wide office screen: 1440 × 900. */
    public void wide() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(WIDE);
        viewport = WIDE;
        phone = false;
        fitViewport(WIDE.height);
    }

    /** A meeting room's wall screen: 1920 × 1080. */
    public void wallScreen() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(WALL);
        viewport = WALL;
        phone = false;
        fitViewport(WALL.height);
    }

    /** A phone: 390 × 844 CSS pixels at a device pixel ratio of 2, with touch. */
    public void phone() {
        viewport = PHONE;
        phone = true;
        fitViewport(PHONE.height);
    }

    public boolean isPhone() {
        return phone;
    }

    private void fitViewport(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width, "height", height, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return await().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The visible text of an element, read again if the page was replaced between finding and reading it. */
    public String text(By by) {
        return await().ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .until(d -> {
                    WebElement e = d.findElement(by);
                    return e.isDisplayed() ? e.getText() : null;
                });
    }

    /** The page a click left behind while a confirm dialog was still open (see {@link #acceptConfirm}). */
    private WebElement leaving;

    /**
     * Clicks as a user would (scrolled into view) and, when that loads another page, waits until the old one is
     * gone — so what is read next comes from the new page, not from the message of the one before. A click that
     * opens a confirm dialog leaves that wait to {@link #acceptConfirm}; one that loads nothing costs a moment.
     */
    public void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        WebElement page = driver.findElement(By.tagName("html"));
        e.click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> gone(page));
        } catch (UnhandledAlertException dialog) {
            leaving = page;
        } catch (TimeoutException stayed) {
            // a click that changed the page in place
        }
    }

    /** Accepts the confirm dialog (checking what it asks) and waits for the page it leads to. */
    public void acceptConfirm(String contains) {
        var alert = await().until(ExpectedConditions.alertIsPresent());
        org.assertj.core.api.Assertions.assertThat(alert.getText()).contains(contains);
        alert.accept();
        if (leaving != null) {
            try {
                await().until(d -> gone(leaving));
            } catch (TimeoutException stayed) {
                // the confirmed action answered on the same page
            }
            leaving = null;
        }
    }

    /** Clicks what submits a form or follows a link, and waits until the page it was on is gone. */
    public void clickAndWaitForNewPage(WebElement e) {
        WebElement page = driver.findElement(By.tagName("html"));
        e.click();
        await().until(d -> gone(page));
    }

    /**
     * Whether a page's element belongs to a page no longer shown. Chromium says so either as a stale element or,
     * when asked mid-navigation, as a node that "does not belong to the document".
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (UnhandledAlertException e) {
            throw e;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(text);
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in through the login page (after leaving any earlier session) and waits for the home page. */
    public void login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await().until(d -> !path().startsWith("/login"));
    }

    /**
     * Saves the whole page (up to a height limit) as target/screenshots/{name}.png in the project
     * directory, at the current width.
     */
    public Path shot(String name) {
        js("window.scrollTo(0, 0)");
        Number full = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        int height = Math.max(viewport.height, Math.min(MAX_SHOT_HEIGHT, full.intValue()));
        try {
            fitViewport(height);
            Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Path file = screenshotDir().resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            fitViewport(viewport.height);
        }
    }

    /** target/screenshots of the project (the directory holding pom.xml), created on first use. */
    public static Path screenshotDir() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml"))) {
                dir = p;
                break;
            }
        }
        Path shots = dir.resolve("target").resolve("screenshots");
        Files.createDirectories(shots);
        return shots;
    }
}
