package coop.portal.ingest;

import coop.portal.vocab.Gazetteer;
import coop.portal.vocab.Mention;
import coop.portal.vocab.Place;
import coop.portal.vocab.TextKeys;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the place a profile is about: from a clean table-of-contents entry, else from the
 * profile's heading, else by repairing a garbled entry against the names in the profile's text,
 * else from the subject of its first sentence. A name the gazetteer knows takes the gazetteer's
 * spelling, so "Castilla y Leon" becomes "Castilla y León".
 */
final class PlaceNames {

    private static final Pattern CLEAN = Pattern.compile("^\\p{Lu}[\\p{L}\\p{M} .'’-]*$");
    private static final Pattern LEADING_NAME = Pattern.compile(
            "^(?:The\\s+)?(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:de|del|y|of|la|di)?\\s*\\p{Lu}[\\p{L}'’-]*)*)");

    private final Gazetteer gazetteer;

    PlaceNames(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    String title(String listed, String heading, String text) {
        String name = null;
        if (listed != null && CLEAN.matcher(listed.strip()).matches()) {
            name = listed;
        } else if (heading != null) {
            name = heading;
        } else if (listed != null) {
            name = repair(listed, text).orElse(null);
        }
        if (name == null) {
            name = subject(text).orElse("Untitled");
        }
        return canonical(name);
    }

    /** The gazetteer's spelling of a place name, or the name tidied. */
    String canonical(String name) {
        String tidy = BlockText.clean(name).replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ");
        return gazetteer.place(tidy).filter(p -> !p.isProvince()).map(Place::name)
                .or(() -> gazetteer.place(name).filter(p -> !p.isProvince()).map(Place::name))
                .orElse(tidy);
    }

    /** The record type of a place profile: {@code region} for a region the gazetteer knows, else {@code city}. */
    String kind(String title) {
        return gazetteer.place(title).filter(Place::isRegion).isPresent() ? "region" : "city";
    }

    /** The place named in the text whose name a garbled entry ("-lefei", "linan") is closest to. */
    Optional<String> repair(String garbled, String text) {
        String key = TextKeys.compactKey(garbled.replaceAll("^[^\\p{L}]+", ""));
        if (key.length() < 3) {
            return Optional.empty();
        }
        Matcher words = Pattern.compile("\\p{Lu}[\\p{L}'’]+").matcher(text);
        String best = null;
        int bestDistance = 3;
        while (words.find()) {
            String candidate = TextKeys.compactKey(words.group());
            int d = TextKeys.editDistance(candidate, key);
            if (d < bestDistance) {
                best = words.group();
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The place the first sentence is about: a gazetteer place it starts with, else its leading proper name. */
    Optional<String> subject(String text) {
        String first = text.strip();
        for (Mention m : gazetteer.mentions(first.substring(0, Math.min(first.length(), 80)))) {
            if (m.place() != null && !m.place().isProvince() && m.start() <= 4) {
                return Optional.of(m.place().name());
            }
        }
        Matcher m = LEADING_NAME.matcher(first);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
