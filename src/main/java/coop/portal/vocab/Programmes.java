package coop.portal.vocab;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cooperation programmes and how texts name them.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class Programmes {

    private final List<Programme> programmes;
    private final Pattern anyName;
    private final Map<String, Programme> byKey = new HashMap<>();

    public Programmes(List<Programme> programmes) {
        this.programmes = List.copyOf(programmes);
        programmes.forEach(p -> p.aliases().forEach(a -> byKey.putIfAbsent(TextKeys.key(a), p)));
        // Longest names first, so "IUC Asia" is read before "IUC".
        String alternatives = programmes.stream().flatMap(p -> p.aliases().stream())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Programmes::flexible).collect(Collectors.joining("|"));
        anyName = Pattern.compile("(?<![\\p{L}\\p{N}-])(" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE);
    }

    public static Programmes load() {
        return new Programmes(Tsv.readResource("/vocab/programmes.tsv",
                r -> new Programme(r.get("name"), r.get("period"), r.list("aliases"))));
    }

    public List<Programme> all() {
        return programmes;
    }

    /** The programme with this name or alias. */
    public Optional<Programme> programme(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(TextKeys.key(name)));
    }

    /** How often the text names each programme. */
    public Map<Programme, Integer> count(String text) {
        Map<Programme, Integer> counts = new HashMap<>();
        Matcher m = anyName.matcher(text);
        while (m.find()) {
            counts.merge(byKey.get(TextKeys.key(m.group(1))), 1, Integer::sum);
        }
        return counts;
    }

    /** The programme the text names most often (the first named on a tie), if any. */
    public Optional<Programme> mostNamed(String text) {
        Map<Programme, Integer> counts = count(text);
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Programme, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -firstIndex(text, e.getKey())))
                .map(Map.Entry::getKey);
    }

    /** The period the text gives next to the programme's name ("IURC 2021-2023"), else the programme's own. */
    public Optional<String> period(String text, Programme p) {
        for (String alias : p.aliases()) {
            Matcher m = Pattern.compile("(?<![\\p{L}])" + flexible(alias)
                    + "\\)?[\\s,(]*((?:19|20)\\d{2})\\s*[-–]\\s*((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE).matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1) + "-" + m.group(2));
            }
        }
        return Optional.ofNullable(p.period());
    }

    /** A name as a pattern whose spaces and hyphens match any run of spaces (non-breaking too) or hyphens. */
    private static String flexible(String alias) {
        return java.util.Arrays.stream(alias.split("[\\s-]+")).map(Pattern::quote)
                .collect(Collectors.joining("[\\s\\u00a0-]+"));
    }

    private int firstIndex(String text, Programme p) {
        Matcher m = anyName.matcher(text);
        while (m.find()) {
            if (byKey.get(TextKeys.key(m.group(1))) == p) {
                return m.start();
            }
        }
        return Integer.MAX_VALUE;
    }
}
