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
import org.apache.lucene.util.FixedBitSet;

/**
 * Collects a search in one pass over the documents the query matches, applying the selected
 * facet values itself: a document that satisfies every selection is a hit, counted in every
 * dimension and passed on to rank; a document that misses exactly one dimension's selection is
 * counted in that dimension only. So each dimension's counts ignore its own selection (drill
 * sideways) and the whole search reads each matching document once, from heap arrays.
 *
 * <p>One instance per slice of a search, merged by {@link FacetedSearch}; not thread-safe.
 */
final class FacetingCollector implements Collector {

    /** A selection on one dimension: facet value paths (OR-ed), or a population range. */
    record Selection(String dim, List<String[]> paths, Range population) {
    }

    private final List<Selection> selections;
    private final Collector ranker;
    private final Function<LeafReaderContext, SegmentFacets> facets;
    private final FilterCache filters;
    /** Counts by label path, over the hits, and per selection over the documents that miss only it. */
    private final Map<String, Long> hitCounts = new HashMap<>();
    private final List<Map<String, Long>> sidewaysCounts;
    private final long[] hitBands;
    private final long[] sidewaysBands;
    private final long[][] bands;
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
        for (int b = 0; b < bands.length; b++) {
            hitBands[b] += other.hitBands[b];
            sidewaysBands[b] += other.sidewaysBands[b];
        }
    }

    FacetingCollector(List<Selection> selections, Collector ranker, Function<LeafReaderContext, SegmentFacets> facets,
                      FilterCache filters, long[][] bands) {
        this.selections = selections;
        this.ranker = ranker;
        this.facets = facets;
        this.filters = filters;
        this.bands = bands;
        this.sidewaysCounts = new java.util.ArrayList<>();
        selections.forEach(s -> sidewaysCounts.add(new HashMap<>()));
        this.hitBands = new long[bands.length];
        this.sidewaysBands = new long[bands.length];
    }

    @Override
    public ScoreMode scoreMode() {
        return ranker.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context, facets.apply(context), ranker.getLeafCollector(context));
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
        private final LeafCollector rank;
        /** Per facet selection, the segment's documents that satisfy it. */
        private final FixedBitSet[] selected;
        private final long[] localHits;
        private final long[][] localSideways;
        private final int populationSelection;

        Leaf(LeafReaderContext context, SegmentFacets f, LeafCollector rank) throws IOException {
            this.f = f;
            this.rank = rank;
            this.selected = new FixedBitSet[selections.size()];
            int population = -1;
            for (int i = 0; i < selections.size(); i++) {
                Selection s = selections.get(i);
                if (s.population() != null) {
                    population = i;
                    continue;
                }
                selected[i] = filters.documents(context.reader(), s.paths());
            }
            this.populationSelection = population;
            this.localHits = new long[f.labels.length];
            this.localSideways = new long[selections.size()][f.labels.length];
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            rank.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            int missed = -1;
            for (int i = 0; i < selected.length; i++) {
                if (!satisfies(doc, i)) {
                    if (missed >= 0) {
                        return;
                    }
                    missed = i;
                }
            }
            int from = f.start[doc];
            int to = f.start[doc + 1];
            if (missed < 0) {
                hits++;
                rank.collect(doc);
                for (int k = from; k < to; k++) {
                    localHits[f.ords[k]]++;
                }
                band(hitBands, doc);
                for (long[] sideways : localSideways) {
                    for (int k = from; k < to; k++) {
                        sideways[f.ords[k]]++;
                    }
                }
                if (populationSelection >= 0) {
                    band(sidewaysBands, doc);
                }
            } else {
                long[] sideways = localSideways[missed];
                for (int k = from; k < to; k++) {
                    sideways[f.ords[k]]++;
                }
                if (missed == populationSelection) {
                    band(sidewaysBands, doc);
                }
            }
        }

        private boolean satisfies(int doc, int selection) {
            if (selection == populationSelection) {
                long p = f.population[doc];
                Range r = selections.get(selection).population();
                return p != SegmentFacets.NO_POPULATION && (r.min() == null || p >= r.min()) && (r.max() == null || p <= r.max());
            }
            return selected[selection].get(doc);
        }

        private void band(long[] counts, int doc) {
            long p = f.population[doc];
            if (p == SegmentFacets.NO_POPULATION) {
                return;
            }
            for (int b = 0; b < bands.length; b++) {
                if (p >= bands[b][0] && p <= bands[b][1]) {
                    counts[b]++;
                    return;
                }
            }
        }

        @Override
        public void finish() throws IOException {
            rank.finish();
            merge(hitCounts, localHits);
            for (int i = 0; i < localSideways.length; i++) {
                merge(sidewaysCounts.get(i), localSideways[i]);
            }
        }

        private void merge(Map<String, Long> into, long[] local) {
            for (int ord = 0; ord < local.length; ord++) {
                if (local[ord] > 0) {
                    into.merge(String.join("\u001f", f.labels[ord]), local[ord], Long::sum);
                }
            }
        }
    }
}
