package coop.portal.search;

import java.time.Duration;

/**
 * Bounds on what one search may ask, so that no request, however made, holds the server for
 * long: the length of the query text, the clauses it may expand to, the facet values selected,
 * how deep into the ranking a page may reach, and the time a search may take. A request beyond
 * a bound is refused with an {@link InvalidSearchException}.
 *
 * @param maxQueryLength characters of query text
 * @param maxClauses     clauses of the query after expansion (synonyms, places, fuzzy terms)
 * @param maxFilters     facet values selected, over all dimensions
 * @param maxDepth       deepest hit a page may reach (page × size)
 * @param timeout        time a search may take before it is stopped
 */
public record SearchLimits(int maxQueryLength, int maxClauses, int maxFilters, int maxDepth, Duration timeout) {

    public SearchLimits {
        if (maxQueryLength < 1 || maxClauses < 1 || maxFilters < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("search limits must be 1 or more");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the search timeout must be positive");
        }
    }

    public static SearchLimits defaults() {
        return new SearchLimits(1_000, 1_024, 100, 10_000, Duration.ofSeconds(2));
    }
}
