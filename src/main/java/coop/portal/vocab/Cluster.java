package coop.portal.vocab;

import java.util.List;

/**
 * A thematic cluster of the taxonomy.
 *
 * @param group    the name of the group the brochure puts it in
 * @param tags     keys of the words a printed tag line for this cluster starts with
 * @param keywords phrases that count as evidence when the cluster is inferred from a text
 * @param aliases  other words people use for the cluster, in English and Chinese
 */
public record Cluster(String name, String group, List<String> tags, List<String> keywords, List<String> aliases) {

    public Cluster {
        tags = List.copyOf(tags);
        keywords = List.copyOf(keywords);
        aliases = List.copyOf(aliases);
    }
}
