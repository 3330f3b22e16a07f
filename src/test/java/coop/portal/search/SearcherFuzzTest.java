package coop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import coop.portal.Fixtures;
import coop.portal.ParameterLines;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any search request, however malformed (query syntax, facet values, unknown dimensions, pages,
 * sizes, ranges, orders), gets a result or an {@link InvalidSearchException}, and in bounded
 * time: never another exception, never a hang. Runs over a real index of the founding corpus.
 *
 * <p>Inputs are {@link ParameterLines}; the regression inputs and seeds are in
 * {@code src/test/resources/coop/portal/search/SearcherFuzzTestInputs/}.
 */
class SearcherFuzzTest {

    /** Five times the searcher's own time limit: a search past it is stuck, not slow. */
    private static final Duration HANG = SearchLimits.defaults().timeout().multipliedBy(5);
    private static final Set<String> NUMBERS = Set.of("page", "size", "populationMin", "populationMax", "areaMin", "areaMax");

    private static Searcher searcher;

    @BeforeAll
    static void open() throws Exception {
        searcher = Searcher.open(Fixtures.foundingIndex(), Fixtures.vocabulary());
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @FuzzTest
    // Without line breaks: Jazzer writes them unescaped into libFuzzer's dictionary, which then fails to load.
    @DictionaryEntries({"page=", "size=", "sort=", "cluster=", "country=", "programme=", "type=",
        "populationMin=", "populationMax=", "areaMin=", "areaMax=", "NaN", "Infinity", "-0", "2147483647",
        " AND ", " OR ", " NOT ", "title:", "place:", "cluster:", "\"", "*", "?", "~", "^", "(", ")", "[", "]", "{", "}",
        "\\", "/", "Hohhot", "呼和浩特", "dairy", "Tourism & Culture", "China", "IURC", "city", "population-desc"})
    void anyRequestIsAnsweredOrRefused(byte[] input) throws Exception {
        Map<String, List<String>> params = ParameterLines.read(input);
        long started = System.nanoTime();
        try {
            SearchRequest request = request(params);
            SearchResult result = searcher.search(request);
            assertTrue(result.hits().size() <= request.size(), "no more hits than asked for");
            assertTrue(result.total() >= result.hits().size(), "the total counts the hits shown");
            assertEquals(request.page(), result.page());
        } catch (InvalidSearchException refused) {
            assertNotNull(refused.parameter(), "a refusal names its parameter");
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says why");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(HANG) < 0, "the search took " + took.toMillis() + " ms");
    }

    /**
     * The request the parameters ask for, read as leniently as the searcher's own callers could
     * build it: numbers of any size and sign, ranges upside down, dimensions that do not exist.
     */
    private static SearchRequest request(Map<String, List<String>> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!name.equals("q") && !name.equals("sort") && !NUMBERS.contains(name)) {
                filters.put(name, values);
            }
        });
        SortOrder sort = params.containsKey("sort") ? SortOrder.parse(params.get("sort").get(0)).orElse(null) : null;
        return new SearchRequest(params.get("q").get(0), filters,
                new Range(decimal(params, "populationMin"), decimal(params, "populationMax")),
                new Range(decimal(params, "areaMin"), decimal(params, "areaMax")),
                whole(params, "page", 1), whole(params, "size", 10), sort);
    }

    private static int whole(Map<String, List<String>> params, String name, int fallback) {
        try {
            return params.containsKey(name) ? Integer.parseInt(params.get(name).get(0).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Double decimal(Map<String, List<String>> params, String name) {
        try {
            return params.containsKey(name) ? Double.valueOf(params.get(name).get(0).strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
