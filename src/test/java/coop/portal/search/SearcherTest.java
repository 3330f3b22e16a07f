package coop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches over a real index of the founding corpus. */
class SearcherTest {

    private static Searcher searcher;

    @BeforeAll
    static void open() throws Exception {
        searcher = Searcher.open(Fixtures.foundingIndex(), Fixtures.vocabulary());
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    private static SearchResult search(String q, Map<String, List<String>> filters) throws Exception {
        return searcher.search(new SearchRequest(q, filters, null, null, 1, 10, null));
    }

    private static long count(SearchResult r, String dim, String value) {
        return r.facets().get(dim).stream()
                .flatMap(v -> java.util.stream.Stream.concat(java.util.stream.Stream.of(v), v.children().stream()))
                .filter(v -> v.value().equals(value)).mapToLong(FacetValue::count).findFirst().orElse(0);
    }

    private static boolean selected(SearchResult r, String dim, String value) {
        return r.facets().get(dim).stream().anyMatch(v -> v.value().equals(value) && v.selected());
    }

    @Test
    void dairyFindsHohhotFirst() throws Exception {
        assertEquals("Hohhot", search("dairy", Map.of()).hits().get(0).title());
    }

    @Test
    void gamingIndustryFindsSisakMoslavinaCountyFirst() throws Exception {
        assertEquals("Sisak Moslavina County", search("gaming industry", Map.of()).hits().get(0).title());
    }

    @Test
    void browsingListsEveryRecordByTitle() throws Exception {
        SearchResult all = search("", Map.of());
        assertEquals(66, all.total());
        List<String> titles = all.hits().stream().map(Hit::title).toList();
        assertEquals(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), titles);
        assertEquals(SortOrder.TITLE, all.sort());
    }

    @Test
    void facetsCountEveryRecordWithoutSelection() throws Exception {
        SearchResult all = search("", Map.of());
        assertEquals(54, count(all, "type", "city"));
        assertEquals(10, count(all, "type", "region"));
        assertEquals(1, count(all, "type", "report"));
        assertEquals(1, count(all, "type", "abstract"));
        assertEquals(44, count(all, "country", "China"));
        assertEquals(7, count(all, "country", "Spain"));
        assertEquals(44, count(all, "programme", "IURC"));
        assertEquals(11, count(all, "programme", "IUC Asia"));
        assertEquals(10, count(all, "programme", "EC-Link"));
    }

    @Test
    void aSelectionFiltersHitsButNotItsOwnDimensionsCounts() throws Exception {
        SearchResult spain = search("", Map.of("country", List.of("Spain")));
        assertEquals(7, spain.total());
        assertEquals(44, count(spain, "country", "China"), "the country facet ignores the country selection");
        assertTrue(selected(spain, "country", "Spain"));
        assertEquals(4, count(spain, "type", "city"), "other facets count within the selection");
        assertEquals(2, count(spain, "type", "region"));
        assertEquals(1, count(spain, "type", "report"));
    }

    @Test
    void valuesOfOneDimensionAreOredAndDimensionsAnded() throws Exception {
        assertEquals(11, search("", Map.of("country", List.of("Spain", "Italy"))).total());
        assertEquals(2, search("", Map.of("country", List.of("Spain"), "type", List.of("region"))).total());
    }

    @Test
    void clusterFacetIsAHierarchyWhoseGroupsCountRecordsOnce() throws Exception {
        SearchResult all = search("", Map.of());
        FacetValue group = all.facets().get("cluster").stream()
                .filter(v -> v.value().equals("Innovative Ecosystems & Strategic Sectors")).findFirst().orElseThrow();
        long sumOfChildren = group.children().stream().mapToLong(FacetValue::count).sum();
        assertTrue(group.count() < sumOfChildren, "records with several clusters of the group count once");
        assertEquals(group.count(), search("", Map.of("cluster", List.of(group.value()))).total());
        long tourism = count(all, "cluster", "Tourism & Culture");
        SearchResult selected = search("", Map.of("cluster", List.of("Tourism & Culture")));
        assertEquals(tourism, selected.total());
        assertTrue(selected.facets().get("cluster").stream().flatMap(v -> v.children().stream())
                .anyMatch(v -> v.value().equals("Tourism & Culture") && v.selected()));
    }

    @Test
    void snippetsMarkTheMatchedWords() throws Exception {
        String snippet = search("gaming industry", Map.of()).hits().get(0).snippet();
        assertTrue(snippet.contains("<mark>"), snippet);
    }

    @Test
    void brokenSyntaxIsSearchedAsWords() throws Exception {
        for (String q : List.of("\"unclosed", "AND OR (", "title:", "dairy)", "cluster:(tourism")) {
            search(q, Map.of());
        }
        assertEquals("Hohhot", search("\"dairy", Map.of()).hits().get(0).title());
    }

    @Test
    void unknownIdIsEmptyAndKnownIdIsWhole() throws Exception {
        assertFalse(searcher.find("no-such-record").isPresent());
        var hohhot = searcher.find("001-8f1dec18a3d5d143--hohhot").orElseThrow();
        assertTrue(hohhot.text().contains("dairy"));
        assertEquals(List.of("China"), hohhot.countries());
    }
}
