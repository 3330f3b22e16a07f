package coop.portal.search;

import coop.portal.vocab.Place;
import java.util.List;
import java.util.Set;

/**
 * What a query says once its words are read: places, concepts (groups of words that mean the
 * same), plain words, and hints about the kind of record and the side of the partnership wanted.
 *
 * @param parts       the query's content, in order
 * @param types       record types the query names ("cities", "reports")
 * @param sides       partnership sides the query names ("Chinese", "European")
 * @param corrections typed words replaced by what the index or the gazetteer knows, for "did you mean"
 */
record QueryPlan(List<Part> parts, Set<String> types, Set<String> sides, List<Correction> corrections) {

    /** A piece of the query's content. */
    sealed interface Part permits Words, PlaceRef, Concept {
    }

    /** Words searched as they are. */
    record Words(String text) implements Part {
    }

    /** A place, named in any spelling or script: found by any of its names. */
    record PlaceRef(Place place, String typed) implements Part {
    }

    /**
     * A concept: phrases that mean the same; {@code cluster} names the thematic cluster it stands
     * for, if any, so that records tagged with it are found too.
     */
    record Concept(List<String> phrases, String cluster, String typed) implements Part {
    }

    /** A typed word and what it was read as. */
    record Correction(String typed, String meant) {
    }

    boolean isEmpty() {
        return parts.isEmpty() && types.isEmpty() && sides.isEmpty();
    }
}
