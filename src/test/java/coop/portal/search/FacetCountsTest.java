package coop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facet counts over an index of thousands of records, with frequent and rare values, checked
 * value by value against counts made from the records themselves: with and without selections
 * (drill sideways), for few and many hits.
 */
class FacetCountsTest {

    private static final int RECORDS = 12_000;
    /** Made-up words, so that no synonym, place or cluster name matches them. */
    private static final String[] WORDS = {"quokka", "numbat", "bilby", "dugong", "wallaby"};
    /** The share of records each word is in: from many hits to few. */
    private static final double[] WORD_SHARES = {0.6, 0.3, 0.1, 0.02, 0.005};
    private static final String[] CLUSTERS = {"Tourism & Culture", "Circular Economy & Waste Management",
        "Mobility & Transport", "Industry 5.0", "Post-COVID Recovery"};
    /** Weighted, and Malta and Cyprus rare. */
    private static final String[] COUNTRIES = {"China", "China", "China", "Spain", "Spain", "Italy", "France",
        "Germany", "Poland", "Greece"};
    private static final String[] TYPES = {"city", "region", "news", "page"};

    private record Generated(String text, List<String> clusters, String country, String type) {
    }

    @TempDir
    static Path dir;
    private static final List<Generated> records = new ArrayList<>();
    private static Searcher searcher;

    @BeforeAll
    static void ingest() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Random r = new Random(7);
        try (BufferedWriter w = Files.newBufferedWriter(corpus.resolve("records.jsonl"))) {
            for (int i = 0; i < RECORDS; i++) {
                StringBuilder text = new StringBuilder("record");
                for (int k = 0; k < WORDS.length; k++) {
                    if (r.nextDouble() < WORD_SHARES[k]) {
                        text.append(' ').append(WORDS[k]);
                    }
                }
                List<String> clusters = new ArrayList<>(List.of(CLUSTERS[r.nextInt(CLUSTERS.length)]));
                if (r.nextInt(3) == 0) {
                    String second = CLUSTERS[r.nextInt(CLUSTERS.length)];
                    if (!clusters.contains(second)) {
                        clusters.add(second);
                    }
                }
                String country = r.nextInt(100) == 0 ? "Malta" : r.nextInt(100) == 0 ? "Cyprus"
                        : COUNTRIES[r.nextInt(COUNTRIES.length)];
                String type = TYPES[r.nextInt(TYPES.length)];
                Generated g = new Generated(text.toString(), clusters, country, type);
                records.add(g);
                w.write("{\"id\":\"r" + i + "\",\"title\":\"Record " + i + "\",\"body\":\"" + g.text()
                        + "\",\"cluster\":[\"" + String.join("\",\"", clusters) + "\"],\"country\":\"" + country
                        + "\",\"doc_type\":\"" + type + "\"}\n");
            }
        }
        Fixtures.ingest(corpus, dir.resolve("index"));
        searcher = Searcher.open(dir.resolve("index"), Fixtures.vocabulary());
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("", Map.of()),
                Arguments.of("quokka", Map.of()),
                Arguments.of("wallaby", Map.of()),
                Arguments.of("quokka", Map.of("cluster", List.of("Tourism & Culture"))),
                Arguments.of("quokka", Map.of("cluster", List.of("Tourism & Culture", "Industry 5.0"))),
                Arguments.of("numbat", Map.of("country", List.of("Spain", "Malta"))),
                Arguments.of("quokka", Map.of("cluster", List.of("Mobility & Transport"), "country", List.of("China"))),
                Arguments.of("bilby", Map.of("cluster", List.of("Post-COVID Recovery"), "country", List.of("Cyprus"),
                        "type", List.of("news", "page"))),
                Arguments.of("", Map.of("country", List.of("Malta"))));
    }

    @ParameterizedTest(name = "q={0} {1}")
    @MethodSource("searches")
    void everyCountMatchesTheRecords(String q, Map<String, List<String>> filters) throws Exception {
        SearchResult result = searcher.search(new SearchRequest(q, filters, null, null, 1, 10, null));
        Predicate<Generated> matches = g -> q.isEmpty() || List.of(g.text().split(" ")).contains(q);
        assertEquals(expected(matches, filters, null).getOrDefault("*", 0L), result.total(), "total");
        int checked = 0;
        for (String dim : List.of("cluster", "country", "type")) {
            Map<String, Long> expected = expected(matches, filters, dim);
            Map<String, Long> actual = new HashMap<>();
            result.facets().get(dim).stream()
                    .flatMap(v -> Stream.concat(Stream.of(v), v.children().stream()))
                    .filter(v -> v.count() > 0)
                    .forEach(v -> actual.put(v.value(), v.count()));
            if (dim.equals("cluster")) {
                actual.keySet().retainAll(List.of(CLUSTERS));   // leave out the groups
            }
            expected.remove("*");
            assertEquals(expected, actual, dim + " counts");
            checked += expected.size();
        }
        assertTrue(checked > 0, "nothing was counted");
    }

    /**
     * Counts of one dimension's values over the records matching the query and every selection but
     * that dimension's own ({@code "*"}: how many such records), or over all selections if dim is null.
     */
    private static Map<String, Long> expected(Predicate<Generated> matches, Map<String, List<String>> filters, String dim) {
        Map<String, Long> counts = new HashMap<>();
        for (Generated g : records) {
            if (!matches.test(g)
                    || !selected(filters, "cluster", dim, g.clusters())
                    || !selected(filters, "country", dim, List.of(g.country()))
                    || !selected(filters, "type", dim, List.of(g.type()))) {
                continue;
            }
            counts.merge("*", 1L, Long::sum);
            List<String> values = dim == null ? List.of()
                    : switch (dim) {
                        case "cluster" -> g.clusters();
                        case "country" -> List.of(g.country());
                        default -> List.of(g.type());
                    };
            values.forEach(v -> counts.merge(v, 1L, Long::sum));
        }
        return counts;
    }

    private static boolean selected(Map<String, List<String>> filters, String dim, String ignored, List<String> values) {
        List<String> wanted = filters.get(dim);
        return dim.equals(ignored) || wanted == null || values.stream().anyMatch(wanted::contains);
    }
}
