package coop.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.portal.RunningPortal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Documents whose text, title and metadata carry markup (script elements, event handlers,
 * javascript: links) are shown as text everywhere: search page, suggestions, record page and
 * widget. A payload that ran would set window.__pwned or write "pwned" to the console.
 */
class MarkupAsTextBrowserTest {

    private static final String TITLE = "<img src=x onerror=\"window.__pwned='title';console.error('pwned title')\">Payload City";
    private static final String REPORT = "\"><script>window.__pwned='report';console.error('pwned report')</script>Payload report";
    private static final String CLUSTER = "<svg onload=\"window.__pwned='cluster'\">Evil cluster";
    private static final String EVIDENCE = "<img src=x onerror=\"window.__pwned='evidence'\">";
    private static final String PROVINCE = "<b onmouseover=\"window.__pwned='province'\">Province</b>";
    private static final String URL = "javascript:window.__pwned='url'";
    private static final String SCRIPT = "<script>window.__pwned='script';console.error('pwned script')</script>";
    private static final String TEXT = "Payload text " + SCRIPT + " in the first paragraph.\n\n"
            + "Second paragraph <img src=x onerror=\"window.__pwned='text'\"> and <a href=\"javascript:window.__pwned='link'\">a link</a>.";
    /** Elements that only a payload could have put there. */
    private static final String FOREIGN = "img, script, iframe, b, style, object, embed, a[href^='javascript']";

    @TempDir
    static Path corpus;
    @TempDir
    static Path index;
    private static RunningPortal portal;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode city = json.createObjectNode();
        city.put("id", "payload-city").put("title", TITLE).put("type", "city").put("province", PROVINCE).put("url", URL)
                .put("language", "en").put("text", TEXT);
        city.putArray("countries").add("Spain");
        city.putArray("places").add("<iframe src=\"javascript:window.__pwned='place'\"></iframe>");
        city.putArray("clusterDetails")
                .add(json.valueToTree(Map.of("name", "Tourism & Culture", "source", "stated")))
                .add(json.valueToTree(Map.of("name", CLUSTER, "source", "inferred", "evidence", List.of(EVIDENCE))));
        ObjectNode report = json.createObjectNode();
        report.put("id", "payload-report").put("title", REPORT).put("type", "report")
                .put("text", "A report about the payload city. <style>body { display: none }</style> " + SCRIPT);
        report.putArray("countries").add("China");
        Files.writeString(corpus.resolve("payloads.jsonl"), json.writeValueAsString(city) + "\n" + json.writeValueAsString(report) + "\n",
                StandardCharsets.UTF_8);
        portal = RunningPortal.over(corpus, index);
        browser = new Browser("markup");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (portal != null) {
                portal.close();
            }
        }
    }

    @AfterEach
    void nothingRan() {
        Browser.sleep(300); // an image's onerror would have fired by now
        assertNull(browser.js("return window.__pwned"), "a payload ran");
        List<String> console = browser.console();
        assertTrue(console.stream().noneMatch(m -> m.contains("pwned")), console.toString());
        browser.assertClean();
    }

    private int foreign(String scope) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0].split(',').map((s) => arguments[1] + ' ' + s).join(',')).length",
                FOREIGN, scope)).intValue();
    }

    @Test
    void theSearchPageShowsMarkupAsText() {
        browser.open(portal.url("/?q=payload"));
        browser.until("the results", () -> browser.text("#status").startsWith("2 records"));
        List<String> titles = browser.all(".hit h3 a").stream().map(WebElement::getText).toList();
        assertTrue(titles.containsAll(List.of(TITLE, REPORT)), titles.toString());
        assertTrue(browser.all(".hit .snippet mark").size() > 0, "matches are still highlighted");
        String snippets = String.join(" ", browser.all(".hit .snippet").stream().map(WebElement::getText).toList());
        assertTrue(snippets.contains("<script>") || snippets.contains("<style>") || snippets.contains("<img"), snippets);
        String facets = browser.text("#facets");
        assertTrue(facets.contains(CLUSTER), facets);
        assertEquals(0, foreign("#hits"));
        assertEquals(0, foreign("#facets"));
        assertEquals(0, foreign("#charts"));
        browser.screenshot("search");

        // The query itself is text too
        browser.open(portal.url("/?q=" + java.net.URLEncoder.encode(EVIDENCE, StandardCharsets.UTF_8)));
        browser.until("the search", () -> browser.text("#status").contains("“" + EVIDENCE + "”"));
        assertEquals(0, foreign("#results"));
        assertTrue(browser.driver.getTitle().contains(EVIDENCE));
    }

    @Test
    void suggestionsShowMarkupAsText() {
        browser.open(portal.url("/"));
        browser.find("#q").click();
        browser.press("payload");
        browser.until("suggestions", () -> browser.find("#suggestions").isDisplayed());
        String options = browser.text("#suggestions");
        assertTrue(options.contains("Payload City") && options.contains("<img"), options);
        assertEquals(0, foreign("#suggestions"));
    }

    @Test
    void theRecordPageShowsMarkupAsText() {
        browser.open(portal.url("/record.html?id=payload-city"));
        browser.until("the record", () -> TITLE.equals(browser.text("#record-title")));
        browser.until("the related records", () -> !browser.text("#similar").contains("Loading")
                && !browser.text("#partners").contains("Loading"));
        assertTrue(browser.driver.getTitle().startsWith(TITLE));
        String text = browser.text(".fulltext");
        assertTrue(text.contains("Payload text " + SCRIPT), text);
        assertTrue(text.contains("<a href=\"javascript:window.__pwned='link'\">a link</a>"), text);
        String facts = browser.find(".facts").getText();
        assertTrue(facts.contains(PROVINCE), facts);
        assertTrue(facts.contains("Published at\n" + URL), "a javascript: url is shown, never linked: " + facts);
        assertEquals(List.of(CLUSTER), browser.all(".cluster.inferred strong").stream().map(WebElement::getText).toList());
        assertEquals(List.of(EVIDENCE), browser.all(".cluster.inferred .evidence q").stream().map(WebElement::getText).toList());
        assertEquals(0, foreign("#record"));
        assertEquals(0, foreign("#related"));
        browser.screenshot("record");
        browser.assertAccessible("record page with markup in its data");
    }

    @Test
    void theWidgetShowsMarkupAsText() {
        browser.open(portal.url("/embed?q=payload&facets=type,country,cluster"));
        browser.until("the widget", () -> Boolean.TRUE.equals(browser.js("""
                const r = document.getElementById('widget').shadowRoot;
                return !!r && r.querySelectorAll('.hit').length === 2;
                """)));
        var root = browser.find("#widget").getShadowRoot();
        List<String> titles = root.findElements(By.cssSelector(".hit a")).stream().map(WebElement::getText).toList();
        assertTrue(titles.containsAll(List.of(TITLE, REPORT)), titles.toString());
        String facets = root.findElement(By.cssSelector(".facets")).getText();
        assertTrue(facets.contains("Evil cluster"), facets);
        assertEquals(0L, browser.js("return document.getElementById('widget').shadowRoot.querySelectorAll(arguments[0]).length", FOREIGN));
        assertFalse(root.findElements(By.cssSelector(".snippet mark")).isEmpty());
        browser.screenshot("widget");
    }
}
