package coop.portal.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The thematic clusters, grouped as the IURC brochure groups them, with the ways documents
 * print them and the words that suggest them.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class ClusterTaxonomy {

    private static final int LONGEST_TAG_LINE_WORDS = 16;
    private static final Pattern LEADING_BULLET = Pattern.compile("^(o\\s+)+");

    private final List<ClusterGroup> groups;
    private final List<String> inferenceCues;
    private final Map<String, Cluster> byName = new HashMap<>();
    private final Map<String, ClusterGroup> groupsByName = new HashMap<>();

    public ClusterTaxonomy(List<ClusterGroup> groups, List<String> inferenceCues) {
        this.groups = List.copyOf(groups);
        this.inferenceCues = List.copyOf(inferenceCues);
        for (ClusterGroup g : groups) {
            groupsByName.put(TextKeys.key(g.name()), g);
            for (Cluster c : g.clusters()) {
                byName.put(TextKeys.key(c.name()), c);
            }
        }
    }

    public static ClusterTaxonomy load() {
        try (InputStream in = ClusterTaxonomy.class.getResourceAsStream("/vocab/clusters.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /vocab/clusters.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<ClusterGroup> groups = new ArrayList<>();
            for (JsonNode g : root.get("groups")) {
                String group = g.get("name").asText();
                List<Cluster> clusters = new ArrayList<>();
                for (JsonNode c : g.get("clusters")) {
                    clusters.add(new Cluster(c.get("name").asText(), group,
                            strings(c, "tags").stream().map(ClusterTaxonomy::tagKey).toList(),
                            strings(c, "keywords"), strings(c, "aliases")));
                }
                groups.add(new ClusterGroup(group, strings(g, "aliases"), clusters));
            }
            return new ClusterTaxonomy(groups, strings(root, "inferenceCues"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<ClusterGroup> groups() {
        return groups;
    }

    /** Words that mark a sentence as naming priorities or areas of cooperation. */
    public List<String> inferenceCues() {
        return inferenceCues;
    }

    public List<Cluster> clusters() {
        return groups.stream().flatMap(g -> g.clusters().stream()).toList();
    }

    /** The cluster with this canonical name, compared without case or punctuation. */
    public Optional<Cluster> cluster(String name) {
        return Optional.ofNullable(byName.get(TextKeys.key(name)));
    }

    /** The group with this name, compared without case or punctuation. */
    public Optional<ClusterGroup> group(String name) {
        return Optional.ofNullable(groupsByName.get(TextKeys.key(name)));
    }

    /**
     * The clusters a printed tag line names, or an empty list if the line is not a tag line.
     * "Technologies 4.0, Industry 5.0 & Digital Economy" names two; a sentence names none.
     */
    public List<Cluster> fromTagLine(String line) {
        String key = tagKey(line);
        if (line.strip().endsWith(".") || key.isEmpty() || key.split(" ").length > LONGEST_TAG_LINE_WORDS) {
            return List.of();
        }
        boolean isTagLine = clusters().stream().anyMatch(c -> c.tags().stream().anyMatch(key::startsWith));
        if (!isTagLine) {
            return List.of();
        }
        String padded = " " + key + " ";
        return clusters().stream()
                .filter(c -> c.tags().stream().anyMatch(t -> padded.contains(" " + t + " ")))
                .toList();
    }

    /** Key of a tag: bullets, case, punctuation, "and" and "&" dropped. */
    static String tagKey(String line) {
        String key = TextKeys.key(line.replace("&", " ")).replaceAll("\\band\\b", " ").replaceAll("\\s+", " ").strip();
        return LEADING_BULLET.matcher(key).replaceFirst("");
    }
}
