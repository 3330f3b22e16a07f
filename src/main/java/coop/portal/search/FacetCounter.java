package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterTaxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Translates between facet values as users see them and facet paths in the index. A cluster is
 * selected by its name and counted under its group (group → cluster); a group can be selected as
 * a whole by its name. Values outside the taxonomy stand on the top level.
 */
final class FacetCounter {

    private static final int TOP_VALUES = 100;

    private final ClusterTaxonomy taxonomy;

    FacetCounter(ClusterTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Adds the request's selections: values of one dimension are OR-ed, dimensions AND-ed. */
    void addFilters(DrillDownQuery query, SearchRequest request) {
        for (Map.Entry<String, List<String>> e : request.filters().entrySet()) {
            if (!IndexSchema.DIMENSIONS.contains(e.getKey())) {
                throw new InvalidSearchException(e.getKey(), "unknown facet dimension '" + e.getKey() + "'");
            }
            for (String value : e.getValue()) {
                query.add(e.getKey(), path(e.getKey(), value));
            }
        }
    }

    /** The facet path of a selected value: a taxonomy cluster under its group. */
    String[] path(String dimension, String value) {
        if (dimension.equals(IndexSchema.DIM_CLUSTER)) {
            var cluster = taxonomy.cluster(value);
            if (cluster.isPresent()) {
                return new String[] {cluster.get().group(), cluster.get().name()};
            }
            var group = taxonomy.group(value);
            if (group.isPresent()) {
                return new String[] {group.get().name()};
            }
        }
        return new String[] {value};
    }

    /** Counts per dimension; {@code indexed} names the dimensions some record has a value for. */
    Map<String, List<FacetValue>> count(Facets facets, SearchRequest request, Set<String> indexed) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : IndexSchema.DIMENSIONS) {
            Set<String> selected = request.selected(dim).stream().map(v -> canonical(dim, v)).collect(Collectors.toSet());
            List<FacetValue> values = new ArrayList<>();
            for (LabelAndValue lv : indexed.contains(dim) ? top(facets, dim) : new LabelAndValue[0]) {
                List<FacetValue> children = new ArrayList<>();
                for (LabelAndValue child : top(facets, dim, lv.label)) {
                    children.add(new FacetValue(child.label, child.value.longValue(), selected.contains(child.label), List.of()));
                }
                values.add(new FacetValue(lv.label, lv.value.longValue(), selected.contains(lv.label), children));
            }
            for (String s : selected) {
                if (!contains(values, s)) {
                    values.add(new FacetValue(s, 0, true, List.of()));
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    Map<String, List<FacetValue>> empty() {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        IndexSchema.DIMENSIONS.forEach(d -> out.put(d, List.of()));
        return out;
    }

    private String canonical(String dim, String value) {
        if (!dim.equals(IndexSchema.DIM_CLUSTER)) {
            return value;
        }
        return taxonomy.cluster(value).map(Cluster::name)
                .or(() -> taxonomy.group(value).map(g -> g.name()))
                .orElse(value);
    }

    private static boolean contains(List<FacetValue> values, String label) {
        return values.stream().anyMatch(v -> v.value().equals(label) || contains(v.children(), label));
    }

    private static LabelAndValue[] top(Facets facets, String dim, String... path) throws IOException {
        try {
            FacetResult r = facets.getTopChildren(TOP_VALUES, dim, path);
            return r == null ? new LabelAndValue[0] : r.labelValues;
        } catch (IllegalArgumentException notIndexed) {
            return new LabelAndValue[0];
        }
    }
}
