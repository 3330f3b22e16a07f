package coop.portal.search;

/**
 * A band of a numeric facet with the number of hits in it.
 *
 * @param min      smallest value in the band, or null if open below (inclusive)
 * @param max      largest value in the band, or null if open above (inclusive)
 * @param selected true if the request's range filter is exactly this band
 */
public record RangeCount(String label, Long min, Long max, long count, boolean selected) {
}
