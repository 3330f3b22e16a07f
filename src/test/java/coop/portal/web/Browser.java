package coop.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for a test class: Debian's chromium and chromedriver, both given by path
 * (Selenium Manager is never asked to find or download anything). A missing browser fails the
 * test class; it is never skipped.
 *
 * <p>Every page's console is read (an error fails the test unless the test expected it), every
 * request the pages make is read from the performance log (one that leaves localhost/127.0.0.1
 * fails the test), and host names other than localhost do not resolve at all. Screenshots go to
 * {@code target/screenshots/}, each step on a desktop-sized and a phone-sized window.
 */
final class Browser implements AutoCloseable {

    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final Duration WAIT = Duration.ofSeconds(15);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> LOCAL_SCHEMES = Set.of("data", "blob", "about", "chrome", "chrome-error", "devtools");
    private static String axeSource;

    final ChromeDriver driver;
    private final Path profile;
    private final String prefix;
    private int step;
    private boolean phone;
    private final List<String> requests = new ArrayList<>();

    /** The browser or driver from a system property, an environment variable, or Debian's path. */
    private static Path executable(String property, String env, String debian) {
        String given = System.getProperty(property, System.getenv(env));
        return Path.of(given != null && !given.isBlank() ? given : debian);
    }

    Browser(String prefix) {
        this.prefix = prefix;
        Path chromium = executable("portal.chromium", "PORTAL_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("portal.chromedriver", "PORTAL_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            fail("The browser tests need Debian's chromium and chromedriver (apt-get install chromium chromium-driver); "
                    + "not found: " + (Files.isExecutable(chromium) ? chromedriver : chromium)
                    + " (or set -Dportal.chromium / -Dportal.chromedriver)");
        }
        try {
            profile = Files.createTempDirectory("portal-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                // Any host but this machine fails to resolve, loudly, rather than reaching out
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    // ---- pages and waiting ------------------------------------------------------------------

    void open(String url) {
        driver.get(url);
        until("the page " + url + " to load", () -> "complete".equals(js("return document.readyState")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition holds; JavaScript errors while the page changes count as "not yet". */
    void until(String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + (last != null ? " (last error: " + last.getMessage() + ")" : ""));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- keyboard ---------------------------------------------------------------------------

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** A description of the focused element, looking into open shadow roots. */
    String focused() {
        return (String) js("""
                let e = document.activeElement;
                while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                if (!e) return '';
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                """);
    }

    /** Presses Tab until the focused element matches the CSS selector; fails after {@code max} presses. */
    void tabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            if (Boolean.TRUE.equals(js("""
                    let e = document.activeElement;
                    while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                    return !!e && e.matches(arguments[0]);
                    """, css))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab did not reach " + css + " in " + max + " presses; focus is on " + focused());
    }

    /** The focused element shows a focus indicator: an outline of 2px or more, or a box shadow. */
    void assertFocusVisible(String what) {
        String style = (String) js("""
                let e = document.activeElement;
                while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                let s = getComputedStyle(e);
                let own = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'outline ' + s.outlineWidth + ' ' + s.outlineStyle + ' ' + s.outlineColor
                    : s.boxShadow !== 'none' ? 'shadow ' + s.boxShadow : '';
                if (!own && e.closest && e.closest('label')) {
                    // A checkbox inside a chip shows its focus on the chip
                    let c = getComputedStyle(e.closest('label'));
                    if (c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2) own = 'outline on label ' + c.outlineWidth;
                }
                return own;
                """);
        assertTrue(style != null && !style.isEmpty(), what + ": no visible focus indicator on " + focused());
    }

    // ---- screenshots ------------------------------------------------------------------------

    /** Saves the page as it is, on the desktop window and on a phone-sized one: NN-name-desktop.png, NN-name-phone.png. */
    void screenshot(String name) {
        step++;
        String base = String.format("%s-%02d-%s", prefix, step, name);
        boolean wasPhone = phone;
        desktop();
        save(base + "-desktop.png");
        phone();
        sleep(150);
        save(base + "-phone.png");
        if (!wasPhone) {
            desktop();
        }
    }

    private void save(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Switches the window to phone size (and back with {@link #desktop()}), for checks of the phone layout. */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        phone = true;
    }

    void desktop() {
        if (phone) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            phone = false;
            sleep(50);
        }
    }

    // ---- console and network ----------------------------------------------------------------

    /**
     * Reads the console and network logs since the last call and fails on any console error not
     * matching one of the expected patterns, and on any request that leaves this machine.
     */
    void assertClean(Pattern... expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            boolean error = e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy");
            if (error && Stream.of(expected).noneMatch(p -> p.matcher(e.getMessage()).find())) {
                errors.add(e.getLevel() + " " + e.getMessage());
            }
        }
        List<String> outside = new ArrayList<>();
        for (String url : requests()) {
            if (!isLocal(url)) {
                outside.add(url);
            }
        }
        assertEquals(List.of(), errors, "console errors");
        assertEquals(List.of(), outside, "requests that leave this machine");
    }

    /** Every console message since the last read, errors or not (and drops them). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** The URLs the pages requested since the last call, from the performance log. */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        requests.addAll(urls);
        return urls;
    }

    /** Every URL requested since the browser started (as far as {@link #requests()} has read). */
    List<String> allRequests() {
        requests();
        return List.copyOf(requests);
    }

    static boolean isLocal(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || LOCAL_SCHEMES.contains(u.getScheme())) {
                return true;
            }
            return LOCAL_HOSTS.contains(u.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- accessibility ----------------------------------------------------------------------

    /**
     * Runs axe-core on the page (or on the elements {@code include} selects) for the WCAG 2.0, 2.1
     * and 2.2 A and AA rules, colour contrast included, and fails on any violation.
     */
    void assertAccessible(String what, String... include) {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource);
        }
        String result = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const include = arguments[0];
                const context = include.length ? { include: include.map((s) => [s]) } : document;
                axe.run(context, {
                  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                  resultTypes: ['violations'], iframes: false
                }).then((r) => done(JSON.stringify({
                  passes: r.passes.length,
                  violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary) }))
                }))).catch((e) => done(JSON.stringify({ error: String(e) })));
                """, List.of(include));
        try {
            JsonNode r = JSON.readTree(result);
            assertTrue(!r.has("error"), what + ": axe failed to run: " + r.path("error").asText());
            assertTrue(r.path("passes").asInt() > 0, what + ": axe checked nothing");
            assertEquals(0, r.path("violations").size(), what + ": accessibility violations:\n"
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.path("violations")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
