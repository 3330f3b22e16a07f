package coop.portal.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which documents of one segment satisfy each facet selection of a search: a bit set per
 * selected facet dimension (from the {@link FilterCache}), the population range tested against
 * the segment's population array.
 */
final class SelectedDocs {

    private final FixedBitSet[] selected;
    private final long[] population;
    private final double populationMin;
    private final double populationMax;
    private final int populationSelection;

    SelectedDocs(List<FacetingCollector.Selection> selections, LeafReaderContext context, SegmentFacets facets,
                 FilterCache filters) throws IOException {
        this.selected = new FixedBitSet[selections.size()];
        this.population = facets.population;
        int populationAt = -1;
        Range range = null;
        for (int i = 0; i < selections.size(); i++) {
            FacetingCollector.Selection s = selections.get(i);
            if (s.population() != null) {
                populationAt = i;
                range = s.population();
            } else {
                selected[i] = filters.documents(context.reader(), s.paths());
            }
        }
        this.populationSelection = populationAt;
        this.populationMin = range == null || range.min() == null ? Double.NEGATIVE_INFINITY : range.min();
        this.populationMax = range == null || range.max() == null ? Double.POSITIVE_INFINITY : range.max();
    }

    int size() {
        return selected.length;
    }

    /** The index of the population selection, or -1 if the search has none. */
    int populationSelection() {
        return populationSelection;
    }

    boolean satisfies(int doc, int selection) {
        if (selection == populationSelection) {
            long p = population[doc];
            return p != SegmentFacets.NO_POPULATION && p >= populationMin && p <= populationMax;
        }
        return selected[selection].get(doc);
    }

    boolean satisfiesAll(int doc) {
        for (int i = 0; i < selected.length; i++) {
            if (!satisfies(doc, i)) {
                return false;
            }
        }
        return true;
    }
}
