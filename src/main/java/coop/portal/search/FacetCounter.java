package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterGroup;
import coop.portal.vocab.ClusterTaxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Translates between facet values as users see them and facet paths in the index. A cluster is
 * selected by its name and counted under its group (group → cluster); a group can be selected as
 * a whole by its name. Values outside the taxonomy stand on the top level.
 */
final class FacetCounter {

    private static final int TOP_VALUES = 100;
    private static final Comparator<FacetValue> BY_COUNT =
            Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);

    private final ClusterTaxonomy taxonomy;

    FacetCounter(ClusterTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The request's selections, one per dimension: its values are OR-ed, dimensions AND-ed. */
    List<FacetingCollector.Selection> selections(SearchRequest request) {
        List<FacetingCollector.Selection> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : request.filters().entrySet()) {
            if (!IndexSchema.DIMENSIONS.contains(e.getKey())) {
                throw new InvalidSearchException(e.getKey(), "unknown facet dimension '" + e.getKey() + "'");
            }
            List<String[]> paths = e.getValue().stream().map(v -> path(e.getKey(), v)).toList();
            out.add(new FacetingCollector.Selection(e.getKey(), paths, null));
        }
        return out;
    }

    /** The facet path of a selected value, dimension first: a taxonomy cluster under its group. */
    String[] path(String dimension, String value) {
        if (dimension.equals(IndexSchema.DIM_CLUSTER)) {
            var cluster = taxonomy.cluster(value);
            if (cluster.isPresent()) {
                return new String[] {dimension, cluster.get().group(), cluster.get().name()};
            }
            var group = taxonomy.group(value);
            if (group.isPresent()) {
                return new String[] {dimension, group.get().name()};
            }
        }
        return new String[] {dimension, value};
    }

    /** Values and counts per dimension; a dimension with a selection is counted ignoring it. */
    Map<String, List<FacetValue>> count(FacetingCollector counts, SearchRequest request) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : IndexSchema.DIMENSIONS) {
            Set<String> selected = request.selected(dim).stream().map(v -> canonical(dim, v)).collect(Collectors.toSet());
            Map<String, Long> top = new LinkedHashMap<>();
            Map<String, Map<String, Long>> children = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : counts.counts(dim).entrySet()) {
                String[] path = e.getKey().split("\u001f");
                if (!path[0].equals(dim) || path.length < 2) {
                    continue;
                }
                if (path.length == 2) {
                    top.put(path[1], e.getValue());
                } else {
                    children.computeIfAbsent(path[1], k -> new LinkedHashMap<>()).put(path[2], e.getValue());
                }
            }
            List<FacetValue> values = new ArrayList<>();
            top.forEach((label, n) -> {
                List<FacetValue> kids = new ArrayList<>();
                children.getOrDefault(label, Map.of())
                        .forEach((child, c) -> kids.add(new FacetValue(child, c, selected.contains(child), List.of())));
                kids.sort(BY_COUNT);
                values.add(new FacetValue(label, n, selected.contains(label), kids));
            });
            values.sort(BY_COUNT);
            List<FacetValue> shown = new ArrayList<>(values.subList(0, Math.min(TOP_VALUES, values.size())));
            for (String s : selected) {
                if (!contains(shown, s)) {
                    shown.add(new FacetValue(s, 0, true, List.of()));
                }
            }
            out.put(dim, shown);
        }
        return out;
    }

    private String canonical(String dim, String value) {
        if (!dim.equals(IndexSchema.DIM_CLUSTER)) {
            return value;
        }
        return taxonomy.cluster(value).map(Cluster::name)
                .or(() -> taxonomy.group(value).map(ClusterGroup::name))
                .orElse(value);
    }

    private static boolean contains(List<FacetValue> values, String label) {
        return values.stream().anyMatch(v -> v.value().equals(label) || contains(v.children(), label));
    }
}
