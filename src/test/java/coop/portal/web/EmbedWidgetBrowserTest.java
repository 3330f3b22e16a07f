package coop.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.RunningPortal;
import coop.portal.http.PartnerDemo;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The embeddable widget on the demo partner page, served from another origin (another port)
 * than the portal, exactly as {@code portal demo} serves it; and its iframe variant.
 */
class EmbedWidgetBrowserTest {

    private static RunningPortal portal;
    private static Javalin partner;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.founding();
        partner = PartnerDemo.create(URI.create(portal.base())).start("127.0.0.1", 0);
        browser = new Browser("embed");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (partner != null) {
                    partner.stop();
                }
            } finally {
                if (portal != null) {
                    portal.close();
                }
            }
        }
    }

    @AfterEach
    void noConsoleErrorsAndNothingLeftThisMachine() {
        browser.driver.switchTo().defaultContent();
        browser.assertClean();
    }

    private static String partnerUrl() {
        return "http://127.0.0.1:" + partner.port() + "/";
    }

    private static int total(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url("/api/search?" + query))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).get("total").asInt();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private SearchContext shadow(String widget) {
        return browser.find("#" + widget).getShadowRoot();
    }

    /** A value computed inside a widget's shadow root: {@code root} and {@code e} (the element the selector finds). */
    private Object inWidget(String widget, String selector, String expression) {
        return browser.js("const root = document.getElementById(arguments[0]).shadowRoot; const e = root.querySelector(arguments[1]); return "
                + expression + ";", widget, selector);
    }

    private String style(String widget, String selector, String property) {
        return (String) inWidget(widget, selector, "getComputedStyle(e).getPropertyValue('" + property + "')");
    }

    private String status(String widget) {
        return (String) inWidget(widget, ".status", "e.textContent");
    }

    private void awaitWidget(String widget) {
        browser.until("the widget " + widget + " to show its results", () -> (Boolean) browser.js("""
                const host = document.getElementById(arguments[0]);
                const root = host && host.shadowRoot;
                if (!root) return false;
                const s = root.querySelector('.status').textContent;
                return !root.querySelector('.coop').hasAttribute('aria-busy') && s !== '' && !s.startsWith('Searching');
                """, widget));
    }

    private List<WebElement> hits(String widget) {
        return shadow(widget).findElements(By.cssSelector(".hit"));
    }

    @Test
    void theWidgetOnAPartnerSiteOfAnotherOriginShowsResults() throws Exception {
        browser.requests();
        browser.open(partnerUrl());
        assertNotEquals(portal.base(), browser.js("return location.origin"), "the partner page is another origin");
        awaitWidget("tourism-widget");
        int expected = total("cluster=" + q("Tourism & Culture") + "&country=China");
        assertTrue(expected > 5, "enough records for two pages: " + expected);
        assertTrue(status("tourism-widget").startsWith(expected + " records"), status("tourism-widget"));
        assertEquals(5, hits("tourism-widget").size(), "size=\"5\"");
        String preset = (String) inWidget("tourism-widget", ".preset", "e.textContent");
        assertTrue(preset.contains("Tourism & Culture") && preset.contains("China"), preset);
        for (WebElement link : shadow("tourism-widget").findElements(By.cssSelector(".hit a"))) {
            assertTrue(link.getAttribute("href").startsWith(portal.base() + "/record.html?id="), link.getAttribute("href"));
        }
        List<String> requests = browser.requests();
        assertTrue(requests.contains(portal.url("/embed.js")), requests.toString());
        assertTrue(requests.stream().anyMatch(u -> u.startsWith(portal.url("/api/search?"))), requests.toString());
        browser.screenshot("partner-page");
        browser.assertAccessible("demo partner page with the widgets");

        // A link leads to the portal's record page
        String title = shadow("tourism-widget").findElement(By.cssSelector(".hit a")).getText();
        shadow("tourism-widget").findElement(By.cssSelector(".hit a")).click();
        browser.until("the portal's record page", () -> browser.driver.getCurrentUrl().startsWith(portal.url("/record.html?id=")));
        browser.until("the record", () -> title.equals(browser.text("#record-title")));
    }

    @Test
    void theWidgetsFacetsPagesAndSearchBoxWork() throws Exception {
        browser.open(partnerUrl());
        awaitWidget("tourism-widget");
        int all = total("cluster=" + q("Tourism & Culture") + "&country=China");
        int reports = total("cluster=" + q("Tourism & Culture") + "&country=China&type=report");
        WebElement report = shadow("tourism-widget").findElement(By.cssSelector("input[value='report']"));
        report.click();
        browser.until("the report filter", () -> status("tourism-widget").startsWith(reports + " record"));
        assertEquals(reports, hits("tourism-widget").size());
        assertTrue(hits("tourism-widget").get(0).getText().contains("Report"));
        browser.screenshot("widget-facet");
        shadow("tourism-widget").findElement(By.cssSelector("input[value='report']")).click();
        browser.until("all again", () -> status("tourism-widget").startsWith(all + " records"));

        List<String> first = hits("tourism-widget").stream().map(WebElement::getText).toList();
        shadow("tourism-widget").findElement(By.cssSelector(".pager button:last-child")).click();
        browser.until("page 2", () -> status("tourism-widget").contains("page 2 of"));
        assertNotEquals(first, hits("tourism-widget").stream().map(WebElement::getText).toList());

        WebElement box = shadow("tourism-widget").findElement(By.cssSelector("input[type=search]"));
        box.sendKeys("Beijing", Keys.ENTER);
        browser.until("the widget's own search", () -> status("tourism-widget").contains("for “Beijing”"));
        assertTrue(hits("tourism-widget").stream().anyMatch(h -> h.getText().startsWith("Beijing")));
        assertTrue(shadow("tourism-widget").findElements(By.cssSelector(".snippet mark")).size() > 0, "matches are highlighted");
    }

    @Test
    void thePartnerPagesCssDoesNotChangeTheWidget() {
        browser.open(partnerUrl());
        awaitWidget("tourism-widget");
        awaitWidget("themed-widget");

        // The partner page's own elements do get its heavy styles ...
        assertEquals("rgb(107, 29, 29)", browser.js("return getComputedStyle(document.querySelector('.partner-button')).backgroundColor"));
        assertEquals("uppercase", browser.js("return getComputedStyle(document.querySelector('.partner-button')).textTransform"));
        assertEquals("6px", browser.js("return getComputedStyle(document.querySelector('.site li')).borderLeftWidth"),
                "and the widget's styles do not leak out either");
        assertEquals("square", browser.js("return getComputedStyle(document.querySelector('.site li')).listStyleType"));

        // ... the widget's do not
        assertEquals("rgb(11, 92, 173)", style("tourism-widget", "button[type=submit]", "background-color"));
        assertEquals("none", style("tourism-widget", "button[type=submit]", "text-transform"));
        assertEquals("solid", style("tourism-widget", "button[type=submit]", "border-top-style"));
        assertEquals("none", style("tourism-widget", "button[type=submit]", "box-shadow"));
        assertFalse(style("tourism-widget", "button[type=submit]", "font-family").contains("Mono"));
        assertEquals("rgb(11, 92, 173)", style("tourism-widget", ".hit a", "color"));
        assertNotEquals("900", style("tourism-widget", ".hit a", "font-weight"));
        assertNotEquals("wavy", style("tourism-widget", ".hit a", "text-decoration-style"));
        assertEquals("rgba(0, 0, 0, 0)", style("tourism-widget", ".hit", "background-color"));
        assertEquals("none", style("tourism-widget", ".hit", "list-style-type"));
        assertEquals("0px", style("tourism-widget", ".hit", "border-left-width"));
        assertEquals("0px", style("tourism-widget", ".hit", "margin-top"));
        assertEquals("rgb(255, 255, 255)", style("tourism-widget", "input[type=search]", "background-color"));
        assertEquals("16px", style("tourism-widget", "input[type=search]", "font-size"));
        assertTrue(style("tourism-widget", ".coop", "font-family").startsWith("system-ui"), style("tourism-widget", ".coop", "font-family"));
        assertEquals("normal", style("tourism-widget", ".coop", "letter-spacing"));

        // Theming goes through the custom properties only
        assertEquals("rgb(122, 31, 92)", style("themed-widget", "button[type=submit]", "background-color"));
        assertEquals("0px", style("themed-widget", "button[type=submit]", "border-top-left-radius"));
        assertTrue(style("themed-widget", ".coop", "font-family").startsWith("Georgia"), style("themed-widget", ".coop", "font-family"));
        assertEquals("rgb(122, 31, 92)", style("themed-widget", ".hit a", "color"));
        browser.js("document.getElementById('themed').scrollIntoView()");
        browser.screenshot("themed-widget");
    }

    @Test
    void theWidgetWorksWithTheKeyboard() {
        browser.open(partnerUrl());
        awaitWidget("tourism-widget");
        browser.tabTo("input[type=search]", 12);
        browser.assertFocusVisible("widget search box");
        browser.press("Chengdu", Keys.ENTER);
        browser.until("the keyboard search", () -> status("tourism-widget").contains("for “Chengdu”"));
        browser.tabTo("input[type=checkbox]", 6);
        browser.assertFocusVisible("widget facet");
        browser.press(Keys.SPACE);
        browser.until("the facet", () -> Boolean.TRUE.equals(inWidget("tourism-widget", "input[type=checkbox]", "e.checked")));
        browser.screenshot("widget-keyboard");
    }

    @Test
    void theIframeVariantRendersForSitesWithoutScripts() throws Exception {
        browser.open(partnerUrl());
        WebElement frame = browser.find("#embed-frame");
        browser.js("arguments[0].scrollIntoView()", frame);
        browser.driver.switchTo().frame(frame);
        awaitWidget("widget");
        assertEquals(3, hits("widget").size(), "size=3 from the frame's address");
        String preset = (String) inWidget("widget", ".preset", "e.textContent");
        assertTrue(preset.contains("Circular Economy & Waste Management"), preset);
        WebElement link = shadow("widget").findElement(By.cssSelector(".hit a"));
        assertTrue(link.getAttribute("href").startsWith(portal.base() + "/record.html?id="));
        assertEquals("_blank", link.getAttribute("target"));
        browser.driver.switchTo().defaultContent();
        browser.screenshot("iframe");

        // The frame's page on its own, themed through its address; partner sites may frame it
        browser.open(portal.url("/embed?cluster=" + q("Tourism & Culture") + "&country=China&size=2&accent=%23006644"));
        awaitWidget("widget");
        assertEquals(2, hits("widget").size());
        assertEquals("rgb(0, 102, 68)", style("widget", "button[type=submit]", "background-color"));
        browser.screenshot("embed-page");
        browser.assertAccessible("the iframe page");
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url("/embed"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-security-policy").orElse("").contains("frame-ancestors *"));
        assertTrue(r.headers().firstValue("x-frame-options").isEmpty());
    }
}
