package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import coop.portal.ParameterLines;
import coop.portal.search.InvalidSearchException;
import coop.portal.search.SearchRequest;
import coop.portal.search.SearchResult;
import coop.portal.search.Searcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any query string of {@code /api/search}, read as the server reads it, is a 400 naming its
 * parameter or a search whose answer is JSON: what the server does between the query string and
 * the response body, without the network. Runs over a real index of the founding corpus.
 *
 * <p>Inputs are {@link ParameterLines}; the regression inputs and seeds are in
 * {@code src/test/resources/coop/portal/http/SearchParamsFuzzTestInputs/}.
 */
class SearchParamsFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    @DictionaryEntries({"page=", "size=", "sort=", "cluster=", "country=", "programme=", "type=", "populationMin=",
        "populationMax=", "areaMin=", "areaMax=", "q=", "NaN", "Infinity", "1e308", "-0", "0x10", "2147483648", "100",
        "title", "relevance", "population-desc", "+population", " AND ", "title:", "\"", "*", "Hohhot", "China"})
    void anyQueryStringIsRefusedOrAnsweredWithJson(byte[] input) throws Exception {
        Map<String, List<String>> params = ParameterLines.read(input);
        try {
            SearchRequest request = SearchParams.read(params);
            SearchResult result = searcher.search(request);
            JsonNode body = JSON.readTree(SearchJson.write(result, request.query()));
            assertEquals(result.total(), body.get("total").asLong());
            assertTrue(body.get("hits").size() <= SearchParams.MAX_SIZE);
        } catch (ProblemException bad) {
            assertEquals(400, bad.problem().status());
            assertNotNull(bad.problem().parameter(), "a 400 names its parameter");
        } catch (InvalidSearchException refused) {
            assertNotNull(refused.parameter(), "a refusal names its parameter");
            assertFalse(refused.getMessage().isBlank());
        }
    }
}
