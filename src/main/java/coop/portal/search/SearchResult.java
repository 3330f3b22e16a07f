package coop.portal.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param facets     counts per dimension, in {@code IndexSchema.DIMENSIONS} order; each dimension's counts
 *                   ignore that dimension's own selection (drill sideways)
 * @param ranges     counts per band of numeric fields ({@code population}), drilling sideways like the facets
 * @param suggestion a corrected query when the query finds little, else null
 */
public record SearchResult(long total, int page, int size, SortOrder sort, List<Hit> hits,
                           Map<String, List<FacetValue>> facets, Map<String, List<RangeCount>> ranges, String suggestion) {
}
