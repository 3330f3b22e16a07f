package coop.portal.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts a search's facets in one pass over the documents the query matches, applying the
 * selected facet values itself: a document that satisfies every selection is a hit, counted in
 * every dimension (and passed on to rank, if a ranker is given); a document that misses exactly
 * one dimension's selection is counted in that dimension only. So each dimension's counts ignore
 * its own selection (drill sideways) and all counts come from one read of each matching
 * document, from heap arrays.
 *
 * <p>One instance per slice of a search, merged by {@link FacetedSearch}; not thread-safe.
 */
final class FacetingCollector implements Collector {

    /** A selection on one dimension: facet value paths (OR-ed), or a population range. */
    record Selection(String dim, List<String[]> paths, Range population) {
    }

    private final List<Selection> selections;
    /** Ranks the hits as they are counted, or null when a second pass ranks them. */
    private final Collector ranker;
    private final Function<LeafReaderContext, SegmentFacets> facets;
    private final FilterCache filters;
    /** Counts by label path, over the hits, and per selection over the documents that miss only it. */
    private final Map<String, Long> hitCounts = new HashMap<>();
    private final List<Map<String, Long>> sidewaysCounts;
    private final long[] hitBands = new long[PopulationBands.BOUNDS.length];
    private final long[] sidewaysBands = new long[PopulationBands.BOUNDS.length];
    private long hits;

    Collector ranker() {
        return ranker;
    }

    /** Adds another slice's counts to this one's. */
    void add(FacetingCollector other) {
        hits += other.hits;
        other.hitCounts.forEach((k, v) -> hitCounts.merge(k, v, Long::sum));
        for (int i = 0; i < sidewaysCounts.size(); i++) {
            Map<String, Long> into = sidewaysCounts.get(i);
            other.sidewaysCounts.get(i).forEach((k, v) -> into.merge(k, v, Long::sum));
        }
        for (int b = 0; b < hitBands.length; b++) {
            hitBands[b] += other.hitBands[b];
            sidewaysBands[b] += other.sidewaysBands[b];
        }
    }

    FacetingCollector(List<Selection> selections, Collector ranker, Function<LeafReaderContext, SegmentFacets> facets,
                      FilterCache filters) {
        this.selections = selections;
        this.ranker = ranker;
        this.facets = facets;
        this.filters = filters;
        this.sidewaysCounts = new java.util.ArrayList<>();
        selections.forEach(s -> sidewaysCounts.add(new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
        return ranker == null ? ScoreMode.COMPLETE_NO_SCORES : ranker.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context, facets.apply(context), ranker == null ? null : ranker.getLeafCollector(context));
    }

    long hits() {
        return hits;
    }

    /** Counts of a dimension's values: over the hits, or, for a dimension with a selection, ignoring it. */
    Map<String, Long> counts(String dim) {
        for (int i = 0; i < selections.size(); i++) {
            if (selections.get(i).dim().equals(dim)) {
                return sidewaysCounts.get(i);
            }
        }
        return hitCounts;
    }

    /** Counts per population band: over the hits, or ignoring the population selection if there is one. */
    long[] bandCounts() {
        return selections.stream().anyMatch(s -> s.population() != null) ? sidewaysBands : hitBands;
    }

    private final class Leaf implements LeafCollector {
        private final SegmentFacets f;
        /** Ranks the hits, or null when another pass ranks them. */
        private final LeafCollector rank;
        private final SelectedDocs selected;
        private final int[] localHits;
        private final int[][] localSideways;

        Leaf(LeafReaderContext context, SegmentFacets f, LeafCollector rank) throws IOException {
            this.f = f;
            this.rank = rank;
            this.selected = new SelectedDocs(selections, context, f, filters);
            this.localHits = new int[f.labels.length];
            this.localSideways = new int[selections.size()][f.labels.length];
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            if (rank != null) {
                rank.setScorer(scorer);
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            int missed = -1;
            for (int i = 0; i < selected.size(); i++) {
                if (!selected.satisfies(doc, i)) {
                    if (missed >= 0) {
                        return;
                    }
                    missed = i;
                }
            }
            int from = f.start[doc];
            int to = f.start[doc + 1];
            int band = f.band[doc];
            if (missed < 0) {
                hits++;
                if (rank != null) {
                    rank.collect(doc);
                }
                for (int k = from; k < to; k++) {
                    localHits[f.ords[k]]++;
                }
                for (int[] sideways : localSideways) {
                    for (int k = from; k < to; k++) {
                        sideways[f.ords[k]]++;
                    }
                }
                if (band >= 0) {
                    hitBands[band]++;
                    if (selected.populationSelection() >= 0) {
                        sidewaysBands[band]++;
                    }
                }
            } else {
                int[] sideways = localSideways[missed];
                for (int k = from; k < to; k++) {
                    sideways[f.ords[k]]++;
                }
                if (band >= 0 && missed == selected.populationSelection()) {
                    sidewaysBands[band]++;
                }
            }
        }

        @Override
        public void finish() throws IOException {
            if (rank != null) {
                rank.finish();
            }
            merge(hitCounts, localHits);
            for (int i = 0; i < localSideways.length; i++) {
                merge(sidewaysCounts.get(i), localSideways[i]);
            }
        }

        private void merge(Map<String, Long> into, int[] local) {
            for (int ord = 0; ord < local.length; ord++) {
                if (local[ord] > 0) {
                    into.merge(String.join("\u001f", f.labels[ord]), (long) local[ord], Long::sum);
                }
            }
        }
    }
}
