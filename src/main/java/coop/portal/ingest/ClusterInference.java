package coop.portal.ingest;

import coop.portal.record.ClusterTag;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterTaxonomy;
import coop.portal.vocab.TextKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers the thematic clusters of a text that prints none, from the keywords the taxonomy lists
 * for each cluster. Conservative: a cluster needs two different keywords, or one keyword used
 * three times, or one keyword in a sentence that names priorities or areas of cooperation
 * ("the focus of cooperation with the EU is on advanced education, smart city..."). At most
 * {@link #MAX_CLUSTERS} clusters are inferred, the best supported first, each with the keywords
 * found as its evidence.
 *
 * <p>Thread-safe.
 */
final class ClusterInference {

    static final int MAX_CLUSTERS = 5;
    private static final int DISTINCT_KEYWORDS = 2;
    private static final int ENOUGH_WEIGHT = 3;
    private static final int CUED_WEIGHT = 3;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;])\\s+|(?<=[。！？；])|\\n+");

    private record Score(Cluster cluster, List<String> evidence, int weight) {
    }

    private final ClusterTaxonomy taxonomy;
    private final List<String> cues;
    private final Map<Cluster, Map<String, String>> keywords = new LinkedHashMap<>();

    ClusterInference(ClusterTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.cues = taxonomy.inferenceCues().stream().map(ClusterInference::needle).toList();
        for (Cluster c : taxonomy.clusters()) {
            // One entry per distinct key: "low-carbon" and "low carbon" are the same evidence.
            Map<String, String> byKey = new LinkedHashMap<>();
            c.keywords().forEach(k -> byKey.putIfAbsent(TextKeys.key(k), k));
            keywords.put(c, byKey);
        }
    }

    List<ClusterTag> infer(String text) {
        List<String> sentences = new ArrayList<>();
        List<Boolean> cued = new ArrayList<>();
        for (String sentence : SENTENCES.split(text)) {
            String key = " " + TextKeys.key(sentence) + " ";
            sentences.add(key);
            cued.add(cues.stream().anyMatch(c -> key.contains(c)));
        }
        List<Score> scores = new ArrayList<>();
        for (Cluster c : taxonomy.clusters()) {
            Set<String> evidence = new LinkedHashSet<>();
            int weight = 0;
            for (Map.Entry<String, String> k : keywords.get(c).entrySet()) {
                for (int i = 0; i < sentences.size(); i++) {
                    int n = occurrences(sentences.get(i), k.getKey());
                    if (n > 0) {
                        evidence.add(k.getValue());
                        weight += cued.get(i) ? CUED_WEIGHT * n : n;
                    }
                }
            }
            if (evidence.size() >= DISTINCT_KEYWORDS || weight >= ENOUGH_WEIGHT) {
                scores.add(new Score(c, List.copyOf(evidence), weight));
            }
        }
        return scores.stream()
                .sorted(Comparator.comparingInt(Score::weight).thenComparingInt(s -> s.evidence().size()).reversed())
                .limit(MAX_CLUSTERS)
                .map(s -> new ClusterTag(s.cluster().name(), s.cluster().group(), ClusterTag.Source.INFERRED, s.evidence()))
                .toList();
    }

    /** How a word is looked for: at a word start in Latin script, anywhere in a run of Chinese characters. */
    private static String needle(String word) {
        return TextKeys.hasHan(word) ? TextKeys.key(word) : " " + TextKeys.key(word);
    }

    /**
     * Occurrences of a keyword key in a padded sentence key: whole words with their plurals, or
     * for a Chinese keyword anywhere, since Chinese runs have no spaces.
     */
    private static int occurrences(String sentence, String keyword) {
        int n = 0;
        if (TextKeys.hasHan(keyword)) {
            for (int at = sentence.indexOf(keyword); at >= 0; at = sentence.indexOf(keyword, at + keyword.length())) {
                n++;
            }
            return n;
        }
        String needle = " " + keyword;
        for (int at = sentence.indexOf(needle); at >= 0; at = sentence.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if (sentence.startsWith(" ", end) || sentence.startsWith("s ", end) || sentence.startsWith("es ", end)) {
                n++;
            }
        }
        return n;
    }
}
