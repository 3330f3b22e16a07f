package coop.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.RunningPortal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The search page in a real browser, over a real portal with the founding corpus. */
class SearchPageBrowserTest {

    private static RunningPortal portal;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        portal = RunningPortal.founding();
        browser = new Browser("search");
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
        browser.desktop();
        browser.assertClean();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void open(String pathAndQuery) {
        browser.open(portal.url(pathAndQuery));
        awaitResults();
    }

    /** Waits until a search has finished and its answer is on the page. */
    private void awaitResults() {
        browser.until("the results", () -> (Boolean) browser.js("""
                const s = document.getElementById('status').textContent;
                return !document.getElementById('results').hasAttribute('aria-busy') && s !== '' && !s.startsWith('Searching');
                """));
    }

    private void awaitUrl(String part) {
        browser.until("the address to contain " + part, () -> browser.driver.getCurrentUrl().contains(part));
        awaitResults();
    }

    private String status() {
        return browser.text("#status");
    }

    private List<String> titles() {
        return browser.all(".hit h3 a").stream().map(WebElement::getText).toList();
    }

    private int total() {
        Matcher m = Pattern.compile("^([\\d,]+) records?").matcher(status());
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
    }

    private int count(String checkboxId) {
        String text = browser.text("label[for='" + checkboxId + "'] .count");
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }

    private boolean checked(String id) {
        return Boolean.TRUE.equals(browser.js("return document.getElementById(arguments[0]).checked", id));
    }

    private void awaitMap() {
        browser.js("document.getElementById('map').scrollIntoView()");
        browser.until("the map", () -> (Boolean) browser.js(
                "const m = document.getElementById('map'); return m.dataset.state === 'ready' && m.dataset.places !== undefined;"));
    }

    private Set<String> drawnPlaces() {
        return browser.all("#map circle.place").stream().map(c -> c.getAttribute("data-place")).collect(Collectors.toSet());
    }

    /** The places of a search's hits that the gazetteer puts in Europe or China, from the API. */
    private static Set<String> placesOnTheMap(String query) throws Exception {
        Set<String> known = new HashSet<>();
        for (JsonNode p : api("/api/places").get("places")) {
            if (!"other".equals(p.get("side").asText()) && p.get("lat").isNumber() && p.get("lon").isNumber()) {
                known.add(p.get("name").asText());
            }
        }
        Set<String> places = new HashSet<>();
        for (JsonNode h : api("/api/search?" + query).get("hits")) {
            h.get("places").forEach(p -> {
                if (known.contains(p.asText())) {
                    places.add(p.asText());
                }
            });
        }
        return places;
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void searchShowsHighlightedResultsAndAnnouncesTheCount() {
        open("/");
        assertTrue(status().startsWith("66 records"), status());
        WebElement live = browser.find("#status");
        assertEquals("status", live.getAttribute("role"));
        assertEquals("polite", live.getAttribute("aria-live"));
        browser.js("document.getElementById('status').dataset.before = 'yes'");

        WebElement q = browser.find("#q");
        q.sendKeys("dairy");
        q.sendKeys(Keys.ENTER);
        awaitUrl("q=dairy");

        assertEquals("1 record for “dairy”.", status());
        assertEquals("yes", browser.js("return document.getElementById('status').dataset.before"),
                "the live region is the same element, updated in place, so screen readers announce the new count");
        assertEquals(List.of("Hohhot"), titles());
        List<String> marks = browser.all(".hit .snippet mark").stream().map(WebElement::getText).toList();
        assertFalse(marks.isEmpty(), "the snippet highlights the match");
        marks.forEach(m -> assertEquals("dairy", m.toLowerCase()));
        assertTrue(browser.find(".hit h3 a").getAttribute("href").endsWith("/record.html?id=001-8f1dec18a3d5d143--hohhot"));
        assertTrue(browser.driver.getTitle().contains("dairy"), browser.driver.getTitle());

        awaitMap();
        assertEquals("1", browser.js("return document.getElementById('map').dataset.places"));
        assertEquals(1, browser.all("#map circle.place.china[data-place='Hohhot']").size());
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("dairy");
        browser.assertAccessible("search page with results and map");
    }

    @Test
    void facetsNarrowTheResultsAndTheirCountsChange() {
        open("/?q=circular+economy");
        int all = total();
        int spain = count("f-country-spain");
        int china = count("f-country-china");
        int cities = count("f-type-city");
        assertTrue(spain > 0 && spain < all, spain + " of " + all);

        browser.find("#f-country-spain").click();
        awaitUrl("country=Spain");
        assertTrue(checked("f-country-spain"));
        assertEquals(spain, total(), status());
        browser.all(".hit .meta").forEach(m -> assertTrue(m.getText().contains("Spain"), m.getText()));
        assertEquals(china, count("f-country-china"), "a dimension's counts ignore its own selection");
        assertTrue(count("f-type-city") < cities, "the other dimensions count only Spain now");
        assertFalse(browser.find("#clear").getAttribute("hidden") != null, "clear all is offered");
        browser.screenshot("facet-spain");

        // The cluster hierarchy: open a group, pick one of its clusters
        browser.find("#f-country-spain").click();
        awaitUrl("q=circular+economy");
        WebElement twisty = browser.find("#toggle-innovative-ecosystems-strategic-sectors");
        assertEquals("false", twisty.getAttribute("aria-expanded"));
        assertFalse(browser.find("#f-cluster-tourism-culture").isDisplayed());
        twisty.click();
        assertEquals("true", twisty.getAttribute("aria-expanded"));
        assertTrue(browser.find("#f-cluster-tourism-culture").isDisplayed());
        int tourism = count("f-cluster-tourism-culture");
        browser.find("#f-cluster-tourism-culture").click();
        awaitUrl("cluster=Tourism+%26+Culture");
        assertEquals(tourism, total(), status());
        browser.screenshot("cluster-tourism");

        // The population bands, one at a time
        int band = count("pop-1000000-4999999");
        browser.find("label[for='pop-1000000-4999999']").click();
        awaitUrl("populationMin=1000000&populationMax=4999999");
        assertEquals(band, total(), status());
        assertTrue(checked("pop-1000000-4999999"));

        browser.find("#clear").click();
        browser.until("the filters to be cleared", () -> browser.driver.getCurrentUrl().endsWith("/?q=circular+economy"));
        awaitResults();
        assertEquals(all, total());
        assertTrue(browser.find("#clear").getAttribute("hidden") != null);
    }

    @Test
    void theStateLivesInTheAddressSoReloadAndBackKeepIt() {
        open("/?q=circular+economy&country=Spain&sort=title");
        List<String> titles = titles();
        String status = status();
        assertEquals("circular economy", browser.find("#q").getAttribute("value"));
        assertEquals("title", browser.js("return document.getElementById('sort').value"));
        assertTrue(checked("f-country-spain"));
        assertEquals(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), titles, "sorted by title");

        browser.driver.navigate().refresh();
        awaitResults();
        assertEquals(titles, titles());
        assertEquals(status, status());
        assertTrue(checked("f-country-spain"));
        assertEquals("title", browser.js("return document.getElementById('sort').value"));

        // Pages: the next page is an address of its own, and back returns to the first
        open("/?sort=title");
        List<String> first = titles();
        browser.find("#pager a[aria-label='Next page']").click();
        awaitUrl("page=2");
        assertTrue(status().endsWith("page 2 of 7."), status());
        List<String> second = titles();
        assertNotEquals(first, second);
        assertEquals("results", browser.js("return document.activeElement.id"), "focus moves to the new results");
        browser.screenshot("page-2");
        browser.driver.navigate().back();
        browser.until("page 1 again", () -> titles().equals(first));
        assertFalse(browser.driver.getCurrentUrl().contains("page=2"));
        browser.driver.navigate().forward();
        browser.until("page 2 again", () -> titles().equals(second));

        // A facet, then back
        browser.find("#f-country-china").click();
        awaitUrl("country=China");
        browser.driver.navigate().back();
        browser.until("the facet to be off again", () -> !checked("f-country-china") && titles().equals(second));

        // Sorting is part of the state too
        new Select(browser.find("#sort")).selectByValue("population-desc");
        awaitUrl("sort=population-desc");
        assertEquals("Chongqing", titles().get(0), "the largest city first");
    }

    @Test
    void theWholeSearchWorksWithTheKeyboardAlone() {
        open("/");
        browser.press(Keys.TAB);
        assertEquals("a.skip", browser.focused(), "the skip link comes first");
        browser.assertFocusVisible("skip link");
        browser.tabTo("#q", 5);
        browser.assertFocusVisible("search box");
        browser.press("circular economy");
        browser.press(Keys.ENTER);
        awaitUrl("q=circular+economy");
        int spain = count("f-country-spain");
        browser.screenshot("keyboard-searched");

        browser.tabTo("#f-country-spain", 80);
        browser.assertFocusVisible("facet checkbox");
        browser.press(Keys.SPACE);
        awaitUrl("country=Spain");
        assertEquals(spain, total(), status());
        browser.until("focus to stay on the facet", () -> "input#f-country-spain".equals(browser.focused()));
        assertTrue(checked("f-country-spain"));
        browser.screenshot("keyboard-facet");

        browser.tabTo(".hit h3 a", 80);
        browser.assertFocusVisible("result link");
        String title = (String) browser.js("return document.activeElement.textContent");
        browser.press(Keys.ENTER);
        browser.until("the record page", () -> browser.driver.getCurrentUrl().contains("/record.html?id="));
        browser.until("the record's title", () -> title.equals(browser.text("#record-title")));
        browser.screenshot("keyboard-record");
    }

    @Test
    void suggestionsAppearWhileTypingAndAreChosenWithTheKeyboard() {
        open("/");
        browser.requests();
        browser.find("#q").click();
        browser.press("touri");
        browser.until("suggestions", () -> browser.find("#suggestions").isDisplayed()
                && !browser.all("#suggestions [role=option]").isEmpty());
        WebElement input = browser.find("#q");
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertEquals("suggestions", input.getAttribute("aria-controls"));
        assertTrue(browser.text("#suggestions [role=option]").startsWith("Tourism & Culture"), browser.text("#suggestions [role=option]"));
        long asked = browser.requests().stream().filter(u -> u.contains("/api/suggest")).count();
        assertTrue(asked >= 1 && asked <= 2, "typing five letters quickly asks once or twice, not per key: " + asked);
        browser.screenshot("suggestions");

        browser.press(Keys.ARROW_DOWN);
        assertEquals("suggestion-0", input.getAttribute("aria-activedescendant"));
        assertEquals("true", browser.find("#suggestion-0").getAttribute("aria-selected"));
        assertEquals("input#q", browser.focused(), "focus stays in the box; the option is active");
        int options = browser.all("#suggestions [role=option]").size();
        if (options > 1) {
            browser.press(Keys.ARROW_DOWN);
            assertEquals("suggestion-1", input.getAttribute("aria-activedescendant"));
            browser.press(Keys.ARROW_UP);
            assertEquals("suggestion-0", input.getAttribute("aria-activedescendant"));
        }
        browser.press(Keys.ESCAPE);
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertFalse(browser.find("#suggestions").isDisplayed());
        browser.assertAccessible("search page while suggesting");

        browser.press(Keys.ARROW_DOWN);
        assertEquals("true", input.getAttribute("aria-expanded"));
        browser.press(Keys.ENTER);
        awaitUrl("cluster=Tourism+%26+Culture");
        assertTrue(checked("f-cluster-tourism-culture"), "the chosen theme is a filter now");
        assertTrue(browser.find("#f-cluster-tourism-culture").isDisplayed(), "its group is open");
        assertEquals("false", input.getAttribute("aria-expanded"));
    }

    @Test
    void emptyAndFailedSearchesSayWhatHappened() {
        open("/?q=zzxqvy");
        assertEquals("No records found for “zzxqvy”.", status());
        assertTrue(browser.find("#message").isDisplayed());
        assertTrue(browser.text("#message").contains("No results"));
        assertTrue(browser.text("#message").contains("Check the spelling"));
        assertTrue(browser.all(".hit").isEmpty());
        browser.screenshot("empty");
        browser.assertAccessible("search page without results");

        // A misspelt word: the results include what it meant, and the corrected query is offered
        WebElement q = browser.find("#q");
        q.clear();
        q.sendKeys("diary", Keys.ENTER);
        awaitUrl("q=diary");
        browser.until("did you mean", () -> browser.text("#message").contains("Did you mean dairy?"));
        assertEquals(List.of("Hohhot"), titles());
        browser.screenshot("did-you-mean");
        browser.find(".did-you-mean a").click();
        awaitUrl("q=dairy");
        assertEquals(List.of("Hohhot"), titles());
        assertFalse(browser.find("#message").isDisplayed(), "nothing to correct in dairy");

        // Nothing found, but a correction that would find something: "no results — did you mean"
        open("/?q=Barcelna&type=region");
        assertTrue(browser.text("#message").contains("No results"), browser.text("#message"));
        assertTrue(browser.text("#message").contains("Did you mean Barcelona?"), browser.text("#message"));

        // A search the portal refuses: the error says what happened, and the way out
        open("/?q=dairy&sort=sideways");
        assertEquals("The search was refused.", status());
        WebElement message = browser.find("#message");
        assertEquals("alert", message.getAttribute("role"));
        assertTrue(message.getText().contains("Sort must be relevance, title, population-desc or population-asc"), message.getText());
        assertTrue(message.getText().contains("Change the words in the search box"), message.getText());
        assertFalse(message.getText().contains("Try again"), "retrying a refused search fails the same way");
        assertFalse(browser.find("#pictures").isDisplayed(), "no pictures of an older search");
        browser.screenshot("error");
        browser.assertAccessible("search page with an error");
        browser.assertClean(Pattern.compile("status of 400"));
    }

    @Test
    void chartsAndMapPictureTheResults() throws Exception {
        open("/?q=circular+economy");
        awaitMap();
        List<String> captions = browser.all("#charts figcaption").stream().map(WebElement::getText).toList();
        assertTrue(captions.containsAll(List.of("Type of record", "Theme group", "Country", "Programme")), captions.toString());
        String widest = (String) browser.js("return document.querySelector('#charts .bar').style.width");
        assertEquals("100%", widest, "the largest count fills its bar");
        assertTrue(browser.all("#map circle.place.europe").size() > 0, "European places");
        assertTrue(browser.all("#map circle.place.china").size() > 0, "Chinese places");
        assertTrue(browser.all("#map path.country").size() > 50, "country outlines from the bundled Natural Earth data");
        assertEquals("img", browser.find("#map svg").getAttribute("role"));
        assertTrue(browser.text("#map-svg-desc").contains("in Europe"), browser.text("#map-svg-desc"));
        browser.screenshot("pictures");

        open("/?q=circular+economy&country=China");
        awaitMap();
        Set<String> expected = placesOnTheMap("q=circular+economy&country=China&size=100");
        browser.until("the places of the Chinese results", () -> expected.equals(drawnPlaces()));
        assertTrue(browser.all("#map circle.place.china").size() > browser.all("#map circle.place.europe").size());

        open("/?q=Beijing&type=city");
        awaitMap();
        browser.until("Beijing on the map", () -> !browser.all("#map circle[data-place='Beijing']").isEmpty());
    }

    @Test
    void theMapDataLoadsOnlyWhenTheMapComesIntoView() {
        browser.phone();
        browser.requests();
        open("/?q=circular+economy");
        Browser.sleep(300);
        List<String> early = browser.requests();
        assertTrue(early.stream().anyMatch(u -> u.contains("/api/search")), early.toString());
        assertTrue(early.stream().noneMatch(u -> u.contains("/vendor/") || u.contains("/map.js")),
                "nothing of the map before it is in view: " + early);
        browser.screenshot("phone-top");
        awaitMap();
        List<String> later = browser.requests();
        assertTrue(later.stream().anyMatch(u -> u.endsWith("/vendor/world-atlas/countries-110m.json")), later.toString());
        assertTrue(later.stream().anyMatch(u -> u.endsWith("/vendor/d3-geo/d3-geo.min.js")), later.toString());

        // On a phone the filters fold away behind a button
        browser.js("window.scrollTo(0, 0)");
        WebElement toggle = browser.find("#filters-toggle");
        assertTrue(toggle.isDisplayed());
        assertFalse(browser.find("#facets").isDisplayed());
        toggle.click();
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        assertTrue(browser.find("#facets").isDisplayed());
        browser.assertAccessible("search page on a phone, filters open");
    }
}
