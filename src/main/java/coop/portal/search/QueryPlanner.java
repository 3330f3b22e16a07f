package coop.portal.search;

import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterGroup;
import coop.portal.vocab.Country;
import coop.portal.vocab.Place;
import coop.portal.vocab.QueryWords;
import coop.portal.vocab.TextKeys;
import coop.portal.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a query's words with the vocabulary: place names in any spelling or script (and, for a
 * word the index does not know, the place name it is closest to), phrases that have synonyms or
 * stand for a thematic cluster, words naming a kind of record or a side of the partnership, and
 * question words that should not decide the ranking. Longest match first, left to right.
 *
 * <p>Thread-safe once built.
 */
final class QueryPlanner {

    private static final int LONGEST_PHRASE = 6;
    private static final int MIN_FUZZY_LENGTH = 5;

    /** A phrase with the synonyms it has and the cluster it stands for. */
    private record ConceptEntry(List<String> synonyms, String cluster) {
    }

    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, Place> compactPlaces = new HashMap<>();
    private final Map<String, ConceptEntry> concepts = new HashMap<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final List<String> hanKeys;
    private final QueryWords words;

    QueryPlanner(Vocabulary vocabulary) {
        this.words = vocabulary.queryWords();
        for (Place p : vocabulary.gazetteer().places()) {
            for (String name : p.names()) {
                places.putIfAbsent(key(name), p);
                if (!TextKeys.hasHan(name)) {
                    compactPlaces.putIfAbsent(TextKeys.compactKey(name), p);
                }
            }
        }
        for (List<String> group : vocabulary.synonyms().groups()) {
            for (String phrase : group) {
                concepts.merge(key(phrase), new ConceptEntry(group, null), QueryPlanner::merge);
            }
        }
        for (ClusterGroup g : vocabulary.clusters().groups()) {
            concepts.merge(key(g.name()), new ConceptEntry(List.of(g.name()), g.name()), QueryPlanner::merge);
            for (Cluster c : g.clusters()) {
                concepts.merge(key(c.name()), new ConceptEntry(List.of(), c.name()), QueryPlanner::merge);
                for (String alias : c.aliases()) {
                    concepts.merge(key(alias), new ConceptEntry(List.of(), c.name()), QueryPlanner::merge);
                }
            }
        }
        for (Country c : vocabulary.gazetteer().countries()) {
            countries.put(key(c.name()), c);
            c.aliases().forEach(a -> countries.putIfAbsent(key(a), c));
            c.demonyms().forEach(d -> countries.putIfAbsent(key(d), c));
        }
        Set<String> han = new LinkedHashSet<>();
        for (String k : List.of(places.keySet(), concepts.keySet(), countries.keySet()).stream().flatMap(Set::stream).toList()) {
            if (TextKeys.hasHan(k)) {
                han.add(k);
            }
        }
        for (String w : List.of("城市", "地区", "欧洲", "中国")) {
            han.add(w);
        }
        this.hanKeys = han.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static ConceptEntry merge(ConceptEntry a, ConceptEntry b) {
        List<String> synonyms = new ArrayList<>(a.synonyms());
        b.synonyms().stream().filter(s -> !synonyms.contains(s)).forEach(synonyms::add);
        return new ConceptEntry(synonyms, a.cluster() != null ? a.cluster() : b.cluster());
    }

    /**
     * The plan of a query.
     *
     * @param known tells whether the index knows a word; an unknown word may be a misspelt place
     */
    QueryPlan plan(String query, Predicate<String> known) {
        Builder b = new Builder();
        String[] tokens = key(query).isEmpty() ? new String[0] : key(query).split(" ");
        int i = 0;
        while (i < tokens.length) {
            if (TextKeys.hasHan(tokens[i])) {
                hanRun(tokens[i], b);
                i++;
                continue;
            }
            int matched = 0;
            for (int n = Math.min(LONGEST_PHRASE, tokens.length - i); n >= 1 && matched == 0; n--) {
                String gram = String.join(" ", java.util.Arrays.copyOfRange(tokens, i, i + n));
                if (read(gram, b)) {
                    matched = n;
                }
            }
            if (matched == 0) {
                String token = tokens[i];
                Place near = known.test(token) ? null : nearestPlace(token);
                if (near != null) {
                    b.flush();
                    b.parts.add(new QueryPlan.PlaceRef(near, token));
                    b.corrections.add(new QueryPlan.Correction(token, near.name()));
                } else {
                    b.pending.add(token);
                }
                matched = 1;
            }
            i += matched;
        }
        b.flush();
        return new QueryPlan(b.parts, b.types, b.sides, b.corrections);
    }

    /** Reads a word or phrase the vocabulary knows; false if it knows none. */
    private boolean read(String gram, Builder b) {
        Place place = places.get(gram);
        if (place == null && !gram.contains(" ")) {
            place = compactPlaces.get(gram.replace("'", ""));
        }
        if (place != null) {
            b.flush();
            b.parts.add(new QueryPlan.PlaceRef(place, gram));
            return true;
        }
        ConceptEntry concept = concepts.get(gram);
        if (concept != null) {
            b.flush();
            List<String> phrases = new ArrayList<>(List.of(gram));
            concept.synonyms().stream().filter(s -> !key(s).equals(gram)).forEach(phrases::add);
            b.parts.add(new QueryPlan.Concept(phrases, concept.cluster(), gram));
            return true;
        }
        var meaning = words.meaning(gram);
        if (meaning.isPresent()) {
            b.flush();
            switch (meaning.get().kind()) {
                case QueryWords.Meaning.TYPE -> b.types.add(meaning.get().value());
                case QueryWords.Meaning.SIDE -> b.sides.add(meaning.get().value());
                default -> {
                    // A question or filler word: it does not decide the ranking.
                }
            }
            return true;
        }
        Country country = countries.get(gram);
        if (country != null) {
            b.flush();
            b.sides.add(country.side());
            if (country.demonyms().stream().noneMatch(d -> key(d).equals(gram))) {
                b.parts.add(new QueryPlan.Words(gram));
            }
            return true;
        }
        return false;
    }

    /** A run of Chinese characters: known names and phrases inside it, the rest searched as text. */
    private void hanRun(String run, Builder b) {
        StringBuilder rest = new StringBuilder();
        int at = 0;
        while (at < run.length()) {
            String found = null;
            for (String k : hanKeys) {
                if (run.startsWith(k, at)) {
                    found = k;
                    break;
                }
            }
            if (found == null) {
                rest.append(run.charAt(at));
                at++;
                continue;
            }
            if (!rest.isEmpty()) {
                b.pending.add(rest.toString());
                rest.setLength(0);
            }
            if (!read(found, b)) {
                b.pending.add(found);
            }
            at += found.length();
        }
        if (!rest.isEmpty()) {
            b.pending.add(rest.toString());
        }
    }

    /** The place whose name is within one or two typing slips of a word the index does not know. */
    private Place nearestPlace(String token) {
        if (token.length() < MIN_FUZZY_LENGTH) {
            return null;
        }
        int allowed = token.length() >= 8 ? 2 : 1;
        Place best = null;
        int bestDistance = allowed + 1;
        for (Map.Entry<String, Place> e : compactPlaces.entrySet()) {
            if (Math.abs(e.getKey().length() - token.length()) > allowed) {
                continue;
            }
            int d = TextKeys.editDistance(token, e.getKey());
            if (d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
            }
        }
        return best;
    }

    private static String key(String s) {
        return TextKeys.hasHan(s) ? TextKeys.key(s).replace(" ", "") : TextKeys.key(s);
    }

    private static final class Builder {
        final List<QueryPlan.Part> parts = new ArrayList<>();
        final Set<String> types = new LinkedHashSet<>();
        final Set<String> sides = new LinkedHashSet<>();
        final List<QueryPlan.Correction> corrections = new ArrayList<>();
        final List<String> pending = new ArrayList<>();

        void flush() {
            if (!pending.isEmpty()) {
                parts.add(new QueryPlan.Words(String.join(" ", pending)));
                pending.clear();
            }
        }
    }
}
