package coop.portal.search;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: keywords (or nothing, to browse), selected facet values (OR within a
 * dimension, AND across dimensions), numeric ranges, a page and an order.
 *
 * @param query   the user's query string; blank browses every record
 * @param filters selected values by facet dimension ({@code cluster}, {@code country}, {@code programme}, {@code type})
 * @param sort    null for the default: relevance with a query, title without
 */
public record SearchRequest(String query, Map<String, List<String>> filters, Range population, Range area,
                            int page, int size, SortOrder sort) {

    public SearchRequest {
        query = query == null ? "" : query;
        filters = Map.copyOf(filters);
        population = population == null ? Range.ANY : population;
        area = area == null ? Range.ANY : area;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), Range.ANY, Range.ANY, 1, 10, null);
    }

    public boolean browsing() {
        return query.isBlank();
    }

    public List<String> selected(String dimension) {
        return filters.getOrDefault(dimension, List.of());
    }

    public SortOrder effectiveSort() {
        return sort != null ? sort : browsing() ? SortOrder.TITLE : SortOrder.RELEVANCE;
    }
}
