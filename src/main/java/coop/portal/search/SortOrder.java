package coop.portal.search;

import java.util.Locale;
import java.util.Optional;

/** How hits are ordered. */
public enum SortOrder {
    RELEVANCE, TITLE, POPULATION_DESC, POPULATION_ASC;

    /** The order named by an API parameter value ({@code relevance}, {@code title}, {@code population}, {@code -population}...). */
    public static Optional<SortOrder> parse(String value) {
        return Optional.ofNullable(switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "relevance", "score" -> RELEVANCE;
            case "title" -> TITLE;
            case "population", "-population", "population-desc", "population_desc" -> POPULATION_DESC;
            case "+population", "population-asc", "population_asc" -> POPULATION_ASC;
            default -> null;
        });
    }

    public String label() {
        return switch (this) {
            case RELEVANCE -> "relevance";
            case TITLE -> "title";
            case POPULATION_DESC -> "population-desc";
            case POPULATION_ASC -> "population-asc";
        };
    }
}
