package coop.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.RunningPortal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The record page in a real browser: full text, metadata, themes with evidence, similar records, partners. */
class RecordPageBrowserTest {

    private static final String HOHHOT = "001-8f1dec18a3d5d143--hohhot";
    private static final String LONGYAN = "002-9d29e5ca3dc93465--longyan";
    private static final String MISSION = "003-0dde53dfbdc68a59--chinese-cities-mission-to-eu-cities";

    private static RunningPortal portal;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.founding();
        browser = new Browser("record");
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
    void noConsoleErrorsAndNothingLeftThisMachine() {
        browser.assertClean();
    }

    private void openRecord(String id) {
        browser.open(portal.url("/record.html?id=" + id));
        awaitRecord();
    }

    private void awaitRecord() {
        browser.until("the record and its related records", () -> (Boolean) browser.js("""
                const done = (id) => { const e = document.getElementById(id); return !!e && !e.textContent.includes('Loading'); };
                return !document.getElementById('record').hasAttribute('aria-busy') && done('similar')
                  && (document.getElementById('partners-section').hidden || done('partners'));
                """));
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private List<String> texts(String css) {
        return browser.all(css).stream().map(WebElement::getText).toList();
    }

    @Test
    void aCityShowsItsTextMetadataThemesSimilarRecordsAndPartners() throws Exception {
        openRecord(HOHHOT);
        JsonNode record = api("/api/documents/" + HOHHOT);
        assertEquals("Hohhot", browser.text("#record-title"));
        assertTrue(browser.driver.getTitle().startsWith("Hohhot"), browser.driver.getTitle());
        String facts = browser.find(".facts").getText();
        for (String fact : List.of("Countries\nChina", "Province or region\nInner Mongolia Autonomous Region", "Programme\nIURC",
                "Period\n2021-2023", "Corpus file\n001_8f1dec18a3d5d143.txt")) {
            assertTrue(facts.contains(fact), fact + " in " + facts);
        }

        long paragraphs = Arrays.stream(record.get("text").asText().split("\\n\\s*\\n")).filter(p -> !p.isBlank()).count();
        assertEquals(paragraphs, browser.all(".fulltext p").size(), "the whole text, paragraph by paragraph");
        assertTrue(browser.text(".fulltext").contains("dairy"));

        assertEquals(List.of("Sustainable Agriculture & Food", "Industry 5.0", "Technologies 4.0"), texts(".cluster.stated strong"));
        assertEquals(3, browser.all(".cluster.stated .source-tag.stated").size());
        assertTrue(browser.all(".cluster.inferred").isEmpty());
        assertEquals("Stated in the document (3)", browser.text("#stated-title"));
        assertEquals("Inferred from the text (0)", browser.text("#inferred-title"));

        List<WebElement> similar = browser.all("#similar li a");
        assertFalse(similar.isEmpty(), "similar records");
        similar.forEach(a -> assertFalse(a.getAttribute("href").endsWith("--hohhot"), a.getAttribute("href")));
        List<WebElement> partners = browser.all("#partners li.partner");
        assertFalse(partners.isEmpty(), "partner candidates");
        for (WebElement p : partners) {
            assertFalse(p.findElement(org.openqa.selenium.By.cssSelector(".meta")).getText().contains("China"),
                    "partners are on the European side: " + p.getText());
            assertTrue(p.getText().contains("Shared themes: "), p.getText());
        }
        browser.screenshot("hohhot");
        browser.assertAccessible("record page of a city");

        // A similar record is a record page too
        String next = similar.get(0).getText();
        similar.get(0).click();
        browser.until("the similar record", () -> next.equals(browser.text("#record-title")));
        awaitRecord();
    }

    @Test
    void inferredThemesAreToldApartAndShowTheirEvidence() throws Exception {
        // What the page must show is what ingest inferred: the record's own clusterDetails.
        JsonNode details = api("/api/documents/" + LONGYAN).get("clusterDetails");
        List<String> names = new java.util.ArrayList<>();
        List<String> evidence = new java.util.ArrayList<>();
        for (JsonNode d : details) {
            assertEquals("inferred", d.get("source").asText());
            names.add(d.get("name").asText());
            d.get("evidence").forEach(e -> evidence.add(e.asText()));
        }
        assertTrue(names.contains("Tourism & Culture"), names.toString());
        openRecord(LONGYAN);
        assertEquals("Longyan", browser.text("#record-title"));
        assertTrue(browser.all(".cluster.stated").isEmpty());
        assertTrue(browser.text("#themes").contains("The document names no theme."));
        assertEquals(names, texts(".cluster.inferred strong"));
        assertEquals(names.stream().map(n -> "Inferred").toList(), browser.js(
                "return [...document.querySelectorAll('.cluster.inferred .source-tag')].map((e) => e.textContent)"));
        assertEquals(evidence, texts(".cluster.inferred .evidence q"));
        assertTrue(browser.text(".cluster.inferred").contains("Innovative Ecosystems & Strategic Sectors"), "the group is named");
        browser.js("document.getElementById('themes').scrollIntoView()");
        browser.screenshot("longyan-inferred");
        browser.assertAccessible("record page with inferred themes");
    }

    @Test
    void aReportHasSimilarRecordsButNoPartners() {
        browser.requests();
        openRecord(MISSION);
        assertEquals("Chinese Cities Mission to EU Cities", browser.text("#record-title"));
        assertFalse(browser.find("#partners-section").isDisplayed());
        assertFalse(browser.all("#similar li a").isEmpty());
        assertTrue(browser.requests().stream().noneMatch(u -> u.contains("/partners")), "partners are asked for cities and regions only");
        browser.screenshot("report");
    }

    @Test
    void unknownAndMissingRecordsSaySo() {
        browser.open(portal.url("/record.html?id=no-such-record"));
        browser.until("the not-found message", () -> "Record not found".equals(browser.text(".error-box h1")));
        assertEquals("alert", browser.find(".error-box").getAttribute("role"));
        assertTrue(browser.text(".error-box").contains("There is no record with the id “no-such-record”."));
        assertFalse(browser.find("#related").isDisplayed());
        browser.screenshot("not-found");
        browser.assertAccessible("record page for an unknown id");
        browser.assertClean(Pattern.compile("status of 404"));

        browser.open(portal.url("/record.html"));
        browser.until("the no-id message", () -> "No record chosen".equals(browser.text(".error-box h1")));
    }

    @Test
    void fromTheResultsToARecordAndBackToTheSameSearch() {
        browser.open(portal.url("/?q=dairy&type=city"));
        browser.until("the result", () -> !browser.all(".hit h3 a").isEmpty());
        browser.find(".hit h3 a").click();
        browser.until("the record", () -> "Hohhot".equals(browser.text("#record-title")));
        awaitRecord();
        browser.find("#back").click();
        browser.until("the search again", () -> browser.driver.getCurrentUrl().endsWith("/?q=dairy&type=city"));
        browser.until("its results", () -> browser.text("#status").startsWith("1 record"));
    }
}
