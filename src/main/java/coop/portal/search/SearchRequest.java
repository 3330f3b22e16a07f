package coop.portal.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a user asks for: keywords (or nothing, to browse), selected facet values (OR within a
 * dimension, AND across dimensions), numeric ranges, a page and an order.
 *
 * @param query   the user's query string; blank browses every record
 * @param filters selected values by facet dimension ({@code cluster}, {@code country}, {@code programme}, {@code type})
 * @param page    the page of hits, from 1
 * @param size    hits per page, 1 or more
 * @param sort    null for the default: relevance with a query, title without
 * @throws InvalidSearchException if the page or the size is below 1
 */
public record SearchRequest(String query, Map<String, List<String>> filters, Range population, Range area,
                            int page, int size, SortOrder sort) {

    public SearchRequest {
        query = query == null ? "" : query;
        filters = selectedValues(filters);
        population = population == null ? Range.ANY : population;
        area = area == null ? Range.ANY : area;
        if (page < 1) {
            throw new InvalidSearchException("page", "page must be 1 or more");
        }
        if (size < 1) {
            throw new InvalidSearchException("size", "size must be 1 or more");
        }
    }

    /**
     * The selected values as the index knows them: stripped, without blanks or repeats. A blank
     * value selects nothing, as an empty form field does; a dimension left without values is
     * not filtered.
     */
    private static Map<String, List<String>> selectedValues(Map<String, List<String>> filters) {
        Map<String, List<String>> selected = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((dimension, values) -> {
                Objects.requireNonNull(dimension, "dimension");
                List<String> kept = values == null ? List.of()
                        : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
                if (!kept.isEmpty()) {
                    selected.put(dimension, kept);
                }
            });
        }
        return Collections.unmodifiableMap(selected);
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
