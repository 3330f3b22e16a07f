package coop.portal.vocab;

import java.util.List;

/** A group of thematic clusters, the upper level of the cluster facet. */
public record ClusterGroup(String name, List<String> aliases, List<Cluster> clusters) {

    public ClusterGroup {
        aliases = List.copyOf(aliases);
        clusters = List.copyOf(clusters);
    }
}
