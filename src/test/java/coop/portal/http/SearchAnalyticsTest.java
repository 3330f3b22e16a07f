package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Query counting: the normal form of a query, and a tally that stays bounded and keeps the most searched. */
class SearchAnalyticsTest {

    @Test
    void queriesAreCountedTrimmedLowerCasedWithWhiteSpaceCollapsed() {
        assertEquals("dairy farm", SearchAnalytics.normalise("  Dairy \t\n FARM "));
        assertEquals("西安 smart city", SearchAnalytics.normalise("\u3000西安\u3000\u00a0Smart  City\u3000"));
        assertEquals("", SearchAnalytics.normalise(" \u3000 "));
        assertEquals(SearchAnalytics.MAX_QUERY_CHARS, SearchAnalytics.normalise("x".repeat(1000)).length());
        String chinese = SearchAnalytics.normalise("𠀀".repeat(300));
        assertEquals(SearchAnalytics.MAX_QUERY_CHARS, chinese.codePointCount(0, chinese.length()), "cut at a whole character");
    }

    @Test
    void browsingIsCountedApartFromQueries() {
        SearchAnalytics a = new SearchAnalytics();
        a.record("", 66);
        a.record("  ", 0);
        a.record(null, 3);
        a.record("Dairy", 1);
        a.record("dairy ", 1);
        a.record("zeppelin", 0);
        assertEquals(3, a.browses());
        assertEquals(3, a.searches());
        assertEquals(1, a.zeroResultSearches());
        assertEquals(List.of(new QueryTally.Count("dairy", 2), new QueryTally.Count("zeppelin", 1)), a.queries().top(20));
        assertEquals(List.of(new QueryTally.Count("zeppelin", 1)), a.zeroResultQueries().top(20));
    }

    @Test
    void theTallyStaysBoundedAndKeepsTheMostCounted() {
        QueryTally tally = new QueryTally(100);
        for (int i = 0; i < 5; i++) {
            tally.add("popular");
            tally.add("second");
        }
        tally.add("second");
        for (int i = 0; i < 10_000; i++) {
            tally.add("rare " + i);
            assertTrue(tally.size() <= 100, "size " + tally.size());
        }
        assertEquals(List.of(new QueryTally.Count("second", 6), new QueryTally.Count("popular", 5)), tally.top(2));
        assertTrue(tally.top(100).stream().anyMatch(c -> c.query().equals("rare 9999")), "the newest query is kept");
    }

    @Test
    void topListsTheMostCountedFirstAndEqualCountsAlphabetically() {
        QueryTally tally = new QueryTally(10);
        for (String q : List.of("b", "a", "c", "c", "d", "d", "d")) {
            tally.add(q);
        }
        assertEquals(List.of(new QueryTally.Count("d", 3), new QueryTally.Count("c", 2), new QueryTally.Count("a", 1)),
                tally.top(3));
    }
}
