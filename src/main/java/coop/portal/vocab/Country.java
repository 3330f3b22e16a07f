package coop.portal.vocab;

import java.util.List;

/**
 * A country, with the side of the EU–China partnership it is on.
 *
 * @param side     {@code europe}, {@code china} or {@code other}
 * @param aliases  other names of the country, read as the country in texts
 * @param demonyms adjectives (Chinese, Spanish): searchable, but never read as the country
 */
public record Country(String name, String side, List<String> aliases, List<String> demonyms) {

    public Country {
        aliases = List.copyOf(aliases);
        demonyms = List.copyOf(demonyms);
    }
}
