package coop.portal.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places and countries of the programmes, looked up by any of their names (English, pinyin
 * variants, exonyms, Chinese characters) and found where a text names them.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class Gazetteer {

    private static final int LONGEST_NAME_WORDS = 6;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");

    private final List<Place> places;
    private final List<Country> countries;
    private final Map<String, Object> byKey = new HashMap<>();
    private final Map<String, Object> byCompactKey = new HashMap<>();
    private final Map<String, Object> hanNames = new LinkedHashMap<>();

    public Gazetteer(List<Place> places, List<Country> countries) {
        this.places = List.copyOf(places);
        this.countries = List.copyOf(countries);
        // First entry wins on a shared name: the data lists cities before the provinces named after them.
        for (Place p : places) {
            p.names().forEach(n -> register(n, p));
        }
        for (Country c : countries) {
            register(c.name(), c);
            c.aliases().forEach(n -> register(n, c));
        }
    }

    public static Gazetteer load() {
        List<Place> places = Tsv.readResource("/vocab/gazetteer.tsv", r -> new Place(
                r.get("name"), r.get("kind"), r.get("country"), r.get("province"), r.get("within"),
                r.number("lat"), r.number("lon"), r.list("aliases")));
        List<Country> countries = Tsv.readResource("/vocab/countries.tsv", r -> new Country(
                r.get("name"), r.get("side"), r.list("aliases"), r.list("demonyms")));
        return new Gazetteer(places, countries);
    }

    private void register(String name, Object entry) {
        if (TextKeys.hasHan(name)) {
            hanNames.putIfAbsent(name, entry);
        } else {
            byKey.putIfAbsent(TextKeys.key(name), entry);
            byCompactKey.putIfAbsent(TextKeys.compactKey(name), entry);
        }
    }

    public List<Place> places() {
        return places;
    }

    public List<Country> countries() {
        return countries;
    }

    /** The place with this name or alias, compared without case, diacritics, spaces or hyphens. */
    public Optional<Place> place(String name) {
        return lookup(name).filter(Place.class::isInstance).map(Place.class::cast);
    }

    /** The country with this name or alias (demonyms excluded). */
    public Optional<Country> country(String name) {
        return lookup(name).filter(Country.class::isInstance).map(Country.class::cast);
    }

    private Optional<Object> lookup(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        if (TextKeys.hasHan(name)) {
            return Optional.ofNullable(hanNames.get(name.strip()));
        }
        Object hit = byKey.get(TextKeys.key(name));
        return Optional.ofNullable(hit != null ? hit : byCompactKey.get(TextKeys.compactKey(name)));
    }

    /**
     * Every place and country the text names, in text order, longest name first where names
     * overlap. Latin names count only when capitalised, so "nice weather" names no city, while "the region of
     * Madrid" names the region.
     */
    public List<Mention> mentions(String text) {
        List<Mention> found = new ArrayList<>(latinMentions(text));
        for (Map.Entry<String, Object> e : hanNames.entrySet()) {
            for (int at = text.indexOf(e.getKey()); at >= 0; at = text.indexOf(e.getKey(), at + 1)) {
                found.add(mention(e.getValue(), at, at + e.getKey().length()));
            }
        }
        found.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
        List<Mention> disjoint = new ArrayList<>();
        int covered = -1;
        for (Mention m : found) {
            if (m.start() >= covered) {
                disjoint.add(m);
                covered = m.end();
            }
        }
        return disjoint;
    }

    private List<Mention> latinMentions(String text) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            String w = m.group();
            if (w.endsWith("'s") || w.endsWith("’s")) {
                end -= 2;
            }
            words.add(new int[] {m.start(), end});
        }
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(LONGEST_NAME_WORDS, words.size() - i); n >= 1; n--) {
                int start = words.get(i)[0];
                int end = words.get(i + n - 1)[1];
                Object hit = byKey.get(TextKeys.key(text.substring(start, end)));
                if (hit != null && capitalised(text, words.subList(i, i + n))) {
                    out.add(mention(hit, start, end));
                    i += n - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** A name in running text is a proper name: one of its words at least starts with a capital. */
    private static boolean capitalised(String text, List<int[]> words) {
        return words.stream().anyMatch(w -> Character.isUpperCase(text.codePointAt(w[0])));
    }

    private static Mention mention(Object entry, int start, int end) {
        return entry instanceof Place p ? new Mention(p, null, start, end)
                : new Mention(null, (Country) entry, start, end);
    }
}
