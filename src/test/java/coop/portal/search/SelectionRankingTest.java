package coop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Selecting facet values narrows a ranking and never reorders it: the hits of a search with a
 * selection are the hits of the same search without it, in the same order with the same scores,
 * less those outside the selection. Over a few thousand generated records, enough for the
 * ranking to skip blocks of documents that cannot reach the top.
 */
class SelectionRankingTest {

    private static final List<String> WORDS = List.of("water", "energy", "port", "rail", "smart", "mobility",
            "tourism", "culture", "health", "waste", "data", "river", "heritage", "hydrogen", "logistics",
            "school", "farm", "park", "bridge", "housing", "solar", "wind", "museum", "market");
    private static final List<String> COUNTRIES = List.of("China", "France", "Italy", "Spain");
    private static final List<String> CLUSTERS = List.of("Circular Economy", "Tourism & Culture",
            "Smart & Sustainable Mobility", "Green Energy");

    private static Path corpus;
    private static Path index;
    private static Searcher searcher;

    @BeforeAll
    static void ingest() throws Exception {
        corpus = Files.createTempDirectory("selection-corpus");
        index = Files.createTempDirectory("selection-index");
        Random random = new Random(7);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(corpus.resolve("generated.jsonl"))) {
            for (int i = 0; i < 4000; i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", "gen-" + i);
                r.put("title", words(random, 3));
                r.put("text", words(random, 20 + random.nextInt(40)));
                r.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
                r.put("cluster", List.of(CLUSTERS.get(random.nextInt(CLUSTERS.size())), CLUSTERS.get(random.nextInt(CLUSTERS.size()))));
                r.put("population", 100_000L + random.nextInt(15_000_000));
                out.write(json.writeValueAsString(r));
                out.newLine();
            }
        }
        Fixtures.ingest(corpus, index);
        searcher = Searcher.open(index, Fixtures.vocabulary(), new Searcher.Options(0, SearchLimits.defaults()));
    }

    /** Words drawn with a skew, so that some are common and some rare, as in real text. */
    private static String words(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            out.add(WORDS.get((int) (u * u * WORDS.size())));
        }
        return String.join(" ", out);
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"water", "museum", "smart mobility", "port rail logistics", "\"solar wind\"", "heritage tourism"})
    void aSelectionNarrowsTheRankingWithoutReorderingIt(String query) throws Exception {
        SearchResult all = searcher.search(new SearchRequest(query, Map.of(), null, null, 1, 4000, null));
        assertTrue(all.total() > 50, "the query should match many records: " + all.total());

        check(query, Map.of("country", List.of("China")), null, h -> h.countries().contains("China"));
        check(query, Map.of("country", List.of("France", "Spain"), "cluster", List.of("Tourism & Culture")), null,
                h -> (h.countries().contains("France") || h.countries().contains("Spain")) && h.clusters().contains("Tourism & Culture"));
        check(query, Map.of(), new Range(1_000_000d, 4_999_999d), h -> h.population() >= 1_000_000 && h.population() <= 4_999_999);
    }

    private static void check(String query, Map<String, List<String>> filters, Range population, Predicate<Hit> selected)
            throws Exception {
        List<Hit> expected = searcher.search(new SearchRequest(query, Map.of(), null, null, 1, 4000, null))
                .hits().stream().filter(selected).toList();
        SearchResult narrowed = searcher.search(new SearchRequest(query, filters, population, null, 1, 30, null));
        assertEquals(expected.size(), narrowed.total(), "total of " + query + " with " + filters);
        List<Hit> top = expected.subList(0, Math.min(30, expected.size()));
        assertEquals(top.stream().map(Hit::id).toList(), narrowed.hits().stream().map(Hit::id).toList(), query + " with " + filters);
        for (int i = 0; i < top.size(); i++) {
            assertEquals(top.get(i).score(), narrowed.hits().get(i).score(), 1e-6, "score of " + top.get(i).id());
        }
    }
}
