package coop.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures ranking against a judged query set: nDCG@10 (gain 2^grade − 1), mean reciprocal rank
 * of the first relevant record, and recall@10. Judgments are JSON Lines:
 * {@code {"query": "dairy", "category": "keyword", "filters": {"country": ["China"]},
 * "relevant": {"001-...--hohhot": 3}}}, grades 1 (related) to 3 (what the user wants); every
 * record not listed is judged not relevant.
 */
public final class Evaluation {

    static final int K = 10;

    /** One judged query. */
    public record Judgment(String query, String category, Map<String, List<String>> filters, Map<String, Integer> grades) {
    }

    /** How one query did. */
    public record QueryScore(Judgment judgment, double ndcg, double reciprocalRank, double recall, List<String> top) {
    }

    /** How the whole set did. */
    public record Report(List<QueryScore> scores) {
        public double ndcg() {
            return scores.stream().mapToDouble(QueryScore::ndcg).average().orElse(0);
        }

        public double mrr() {
            return scores.stream().mapToDouble(QueryScore::reciprocalRank).average().orElse(0);
        }

        public double recall() {
            return scores.stream().mapToDouble(QueryScore::recall).average().orElse(0);
        }

        public void print(PrintStream out, boolean everyQuery) {
            if (everyQuery) {
                for (QueryScore s : scores) {
                    out.printf(Locale.ROOT, "%-11s nDCG %.3f  RR %.3f  R@10 %.3f  %s%s%n", s.judgment().category(),
                            s.ndcg(), s.reciprocalRank(), s.recall(), s.judgment().query(),
                            s.judgment().filters().isEmpty() ? "" : " " + s.judgment().filters());
                    if (s.ndcg() < 1) {
                        for (String id : s.top().subList(0, Math.min(5, s.top().size()))) {
                            out.printf(Locale.ROOT, "              %d %s%n", s.judgment().grades().getOrDefault(id, 0), id);
                        }
                    }
                }
            }
            Map<String, List<QueryScore>> byCategory = new LinkedHashMap<>();
            scores.forEach(s -> byCategory.computeIfAbsent(s.judgment().category(), c -> new ArrayList<>()).add(s));
            out.println("category     queries  nDCG@10    MRR   recall@10");
            byCategory.forEach((c, list) -> out.printf(Locale.ROOT, "%-12s %7d  %7.3f  %5.3f  %9.3f%n", c, list.size(),
                    list.stream().mapToDouble(QueryScore::ndcg).average().orElse(0),
                    list.stream().mapToDouble(QueryScore::reciprocalRank).average().orElse(0),
                    list.stream().mapToDouble(QueryScore::recall).average().orElse(0)));
            out.printf(Locale.ROOT, "%-12s %7d  %7.3f  %5.3f  %9.3f%n", "all", scores.size(), ndcg(), mrr(), recall());
        }
    }

    private Evaluation() {
    }

    public static List<Judgment> load(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Judgment> out = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(file)) {
            line++;
            if (l.isBlank() || l.startsWith("//")) {
                continue;
            }
            JsonNode o = json.readTree(l);
            Map<String, List<String>> filters = new LinkedHashMap<>();
            o.path("filters").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                filters.put(e.getKey(), values);
            });
            Map<String, Integer> grades = new LinkedHashMap<>();
            o.path("relevant").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
            if (grades.isEmpty()) {
                throw new IOException(file + " line " + line + ": no relevant records judged");
            }
            out.add(new Judgment(o.path("query").asText(), o.path("category").asText("other"), filters, grades));
        }
        return out;
    }

    public static Report evaluate(Searcher searcher, List<Judgment> judgments) throws IOException {
        List<QueryScore> scores = new ArrayList<>();
        for (Judgment j : judgments) {
            SearchResult r = searcher.search(new SearchRequest(j.query(), j.filters(), null, null, 1, K, null));
            List<String> top = r.hits().stream().map(Hit::id).toList();
            scores.add(new QueryScore(j, ndcg(top, j.grades()), reciprocalRank(top, j.grades()), recall(top, j.grades()), top));
        }
        return new Report(scores);
    }

    static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double recall(List<String> ranked, Map<String, Integer> grades) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        long found = ranked.stream().limit(K).filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return relevant == 0 ? 0 : (double) found / Math.min(relevant, K);
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
