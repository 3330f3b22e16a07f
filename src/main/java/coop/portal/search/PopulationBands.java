package coop.portal.search;

import java.util.ArrayList;
import java.util.List;

/** The population bands hits are counted in: under 1 million, 1–5 million, 5–10 million, over 10 million. */
final class PopulationBands {

    private record Band(String label, Long min, Long max) {
    }

    private static final List<Band> BANDS = List.of(
            new Band("under 1 million", null, 999_999L),
            new Band("1–5 million", 1_000_000L, 4_999_999L),
            new Band("5–10 million", 5_000_000L, 9_999_999L),
            new Band("over 10 million", 10_000_000L, null));

    /** Inclusive bounds of each band. */
    static final long[][] BOUNDS = BANDS.stream()
            .map(b -> new long[] {b.min() == null ? Long.MIN_VALUE + 1 : b.min(), b.max() == null ? Long.MAX_VALUE : b.max()})
            .toArray(long[][]::new);

    private PopulationBands() {
    }

    /** The index of the band a population falls in, or -1 for none ({@link SegmentFacets#NO_POPULATION}). */
    static int band(long population) {
        for (int b = 0; b < BOUNDS.length; b++) {
            if (population >= BOUNDS[b][0] && population <= BOUNDS[b][1]) {
                return b;
            }
        }
        return -1;
    }

    static List<RangeCount> counts(long[] counts, Range selected) {
        List<RangeCount> out = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            Band b = BANDS.get(i);
            boolean isSelected = !selected.isAny() && equal(selected.min(), b.min()) && equal(selected.max(), b.max());
            out.add(new RangeCount(b.label(), b.min(), b.max(), counts[i], isSelected));
        }
        return out;
    }

    private static boolean equal(Double requested, Long bound) {
        return requested == null ? bound == null : bound != null && requested.longValue() == bound;
    }
}
