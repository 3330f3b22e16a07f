package coop.portal.search;

import java.util.List;

/**
 * A value of a facet dimension with the number of hits it would give.
 *
 * @param selected true if the request filters on this value
 * @param children the values one level down (the clusters of a cluster group), empty for a leaf
 */
public record FacetValue(String value, long count, boolean selected, List<FacetValue> children) {

    public FacetValue {
        children = List.copyOf(children);
    }
}
