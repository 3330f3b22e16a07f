package coop.portal.record;

import java.util.List;

/**
 * One thematic cluster of a record: its canonical name, the group it belongs to (null for a
 * cluster outside the taxonomy), whether the document printed it or it was inferred, and the
 * words that led to an inferred one.
 */
public record ClusterTag(String name, String group, Source source, List<String> evidence) {

    /** Where a cluster assignment comes from. */
    public enum Source {
        /** Printed as a tag in the document itself. */
        STATED,
        /** Inferred from the record's text; {@code evidence} names the words. */
        INFERRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ClusterTag {
        evidence = List.copyOf(evidence);
    }

    public static ClusterTag stated(String name, String group) {
        return new ClusterTag(name, group, Source.STATED, List.of());
    }
}
