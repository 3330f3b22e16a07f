package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The facet values and populations of one index segment, held on the heap as plain arrays.
 * Every search counts facets over all its hits; walking arrays is several times cheaper than
 * decoding doc values for each hit, and an unchanged segment keeps its arrays across refreshes.
 *
 * <p>Immutable and thread-safe.
 */
final class SegmentFacets {

    /** Population of a record that has none. */
    static final long NO_POPULATION = Long.MIN_VALUE;

    /** Facet labels of this segment by ordinal, as paths: dimension first ("cluster", group, cluster). */
    final String[][] labels;
    /** Where each document's ordinals start in {@link #ords}; document d's run ends at start[d + 1]. */
    final int[] start;
    final int[] ords;
    /** Population of each document, or {@link #NO_POPULATION}. */
    final long[] population;
    /** The {@link PopulationBands} band of each document's population, or -1 if it has none. */
    final byte[] band;

    private SegmentFacets(String[][] labels, int[] start, int[] ords, long[] population) {
        this.labels = labels;
        this.start = start;
        this.ords = ords;
        this.population = population;
        this.band = new byte[population.length];
        for (int doc = 0; doc < population.length; doc++) {
            band[doc] = (byte) PopulationBands.band(population[doc]);
        }
    }

    static SegmentFacets read(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        SortedSetDocValues dv = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        String[][] labels = new String[(int) dv.getValueCount()][];
        for (int ord = 0; ord < labels.length; ord++) {
            labels[ord] = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
        }
        int[] start = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 4)];
        int n = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            start[doc] = n;
            if (dv.advanceExact(doc)) {
                for (int i = 0; i < dv.docValueCount(); i++) {
                    if (n == ords.length) {
                        ords = Arrays.copyOf(ords, ords.length * 2);
                    }
                    ords[n++] = (int) dv.nextOrd();
                }
            }
        }
        start[maxDoc] = n;
        long[] population = new long[maxDoc];
        Arrays.fill(population, NO_POPULATION);
        NumericDocValues pop = reader.getNumericDocValues(IndexSchema.POPULATION);
        if (pop != null) {
            for (int doc = pop.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = pop.nextDoc()) {
                population[doc] = pop.longValue();
            }
        }
        return new SegmentFacets(labels, start, Arrays.copyOf(ords, n), population);
    }

    /** Approximate heap use, for the index-size metrics and for sizing decisions. */
    long bytes() {
        return 4L * (start.length + ords.length) + 9L * population.length + 64L * labels.length;
    }
}
