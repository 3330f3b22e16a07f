package coop.portal.vocab;

/**
 * A place or country named in a text.
 *
 * @param place   the place named, or null if a country is named
 * @param country the country named, or null if a place is named
 * @param start   offset of the name in the text
 * @param end     offset just after the name
 */
public record Mention(Place place, Country country, int start, int end) {

    public String name() {
        return place != null ? place.name() : country.name();
    }
}
