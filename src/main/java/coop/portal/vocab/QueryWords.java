package coop.portal.vocab;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How words of a query are read beyond the text, from {@code query-words.tsv}: question and
 * filler words to ignore, words naming a kind of record, words naming a side of the partnership.
 */
public final class QueryWords {

    /** What a query word means. */
    public record Meaning(String kind, String value) {
        public static final String IGNORE = "ignore";
        public static final String TYPE = "type";
        public static final String SIDE = "side";
    }

    private final Map<String, Meaning> meanings;

    public QueryWords(Map<String, Meaning> meanings) {
        this.meanings = Map.copyOf(meanings);
    }

    public static QueryWords load() {
        Map<String, Meaning> meanings = new HashMap<>();
        Tsv.readResource("/vocab/query-words.tsv", r -> {
            String meaning = r.get("meaning");
            int colon = meaning.indexOf(':');
            Meaning m = colon < 0 ? new Meaning(meaning, null) : new Meaning(meaning.substring(0, colon), meaning.substring(colon + 1));
            return Map.entry(key(r.get("word")), m);
        }).forEach(e -> meanings.put(e.getKey(), e.getValue()));
        return new QueryWords(meanings);
    }

    /** The meaning of a word or phrase, compared without case or diacritics. */
    public Optional<Meaning> meaning(String words) {
        return Optional.ofNullable(meanings.get(key(words)));
    }

    private static String key(String s) {
        return TextKeys.hasHan(s) ? s.strip() : TextKeys.key(s);
    }
}
