package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;

/** Counts hits by population band: under 1 million, 1–5 million, 5–10 million, over 10 million. */
final class PopulationBands {

    private record Band(String label, Long min, Long max) {
        LongRange range() {
            return new LongRange(label, min == null ? Long.MIN_VALUE : min, true, max == null ? Long.MAX_VALUE : max, true);
        }
    }

    private static final List<Band> BANDS = List.of(
            new Band("under 1 million", null, 999_999L),
            new Band("1–5 million", 1_000_000L, 4_999_999L),
            new Band("5–10 million", 5_000_000L, 9_999_999L),
            new Band("over 10 million", 10_000_000L, null));

    private PopulationBands() {
    }

    static List<RangeCount> count(FacetsCollector hits, Range selected) throws IOException {
        LongRange[] ranges = BANDS.stream().map(Band::range).toArray(LongRange[]::new);
        FacetResult r = new LongRangeFacetCounts(IndexSchema.POPULATION, hits, ranges)
                .getAllChildren(IndexSchema.POPULATION);
        List<RangeCount> out = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            Band b = BANDS.get(i);
            boolean isSelected = equal(selected.min(), b.min()) && equal(selected.max(), b.max()) && !selected.isAny();
            out.add(new RangeCount(b.label(), b.min(), b.max(), r.labelValues[i].value.longValue(), isSelected));
        }
        return out;
    }

    private static boolean equal(Double requested, Long bound) {
        return requested == null ? bound == null : bound != null && requested.longValue() == bound;
    }
}
