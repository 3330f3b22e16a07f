package coop.portal.ingest;

import coop.portal.record.ClusterTag;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterTaxonomy;
import coop.portal.vocab.TextKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Infers the thematic clusters of a text that prints none, from the keywords the taxonomy lists
 * for each cluster. Conservative: a cluster needs two different keywords, or one keyword used
 * three times, and at most {@link #MAX_CLUSTERS} clusters are inferred, so a passing mention
 * never tags a record. Each inferred cluster carries the keywords found as its evidence.
 */
final class ClusterInference {

    static final int MAX_CLUSTERS = 5;
    private static final int DISTINCT_KEYWORDS = 2;
    private static final int REPEATS = 3;

    private record Score(Cluster cluster, List<String> evidence, int occurrences) {
    }

    private final ClusterTaxonomy taxonomy;

    ClusterInference(ClusterTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    List<ClusterTag> infer(String text) {
        String key = " " + TextKeys.key(text) + " ";
        List<Score> scores = new ArrayList<>();
        for (Cluster c : taxonomy.clusters()) {
            List<String> evidence = new ArrayList<>();
            int occurrences = 0;
            for (String keyword : c.keywords()) {
                int n = occurrences(key, " " + TextKeys.key(keyword) + " ");
                if (n > 0) {
                    evidence.add(keyword);
                    occurrences += n;
                }
            }
            if (evidence.size() >= DISTINCT_KEYWORDS || occurrences >= REPEATS) {
                scores.add(new Score(c, evidence, occurrences));
            }
        }
        return scores.stream()
                .sorted(Comparator.comparingInt((Score s) -> s.evidence().size()).thenComparingInt(Score::occurrences).reversed())
                .limit(MAX_CLUSTERS)
                .map(s -> new ClusterTag(s.cluster().name(), s.cluster().group(), ClusterTag.Source.INFERRED, s.evidence()))
                .toList();
    }

    private static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length() - 1)) {
            n++;
        }
        return n;
    }
}
