package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.vocab.Country;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Turns what a user typed into a Lucene query, and a "did you mean" when it corrected something.
 *
 * <p>Plain words are read with the vocabulary first ({@link QueryPlanner}): a place in any
 * spelling or script matches all of its names; a phrase with synonyms matches any of them, and
 * one that names a thematic cluster also matches the records tagged with it; words naming a kind
 * of record or a side of the partnership favour those records; question words are dropped. Each
 * remaining word may match the title, places, clusters or text, weighted in that order, and the
 * words as a phrase score extra. A word the index does not know is matched fuzzily and corrected
 * in the suggestion. Query syntax (quotes, AND/OR/NOT, {@code title:}, {@code cluster:},
 * {@code place:}) is honoured; syntax that does not parse is read as plain words instead.
 *
 * <p>Thread-safe.
 */
final class UserQuery {

    /** A query and, if a word of it was corrected, the corrected query to suggest. */
    record Parsed(Query query, String suggestion) {
    }

    static final Map<String, Float> FIELDS = Map.of(
            IndexSchema.TITLE, 4f,
            IndexSchema.PLACES, 3f,
            IndexSchema.CLUSTERS, 2f,
            IndexSchema.TEXT, 1f);
    private static final Map<String, String> FIELD_NAMES = Map.of(
            "title", IndexSchema.TITLE,
            "cluster", IndexSchema.CLUSTERS,
            "clusters", IndexSchema.CLUSTERS,
            "place", IndexSchema.PLACES,
            "places", IndexSchema.PLACES,
            "text", IndexSchema.TEXT,
            "body", IndexSchema.TEXT);
    /**
     * A word's best field decides its score alone. Judged, this ranks as well as adding a tenth
     * of the other fields, and a pure maximum lets the ranking skip the documents that cannot
     * reach the top.
     */
    private static final float TIE_BREAKER = 0f;
    private static final float PHRASE_BOOST = 2f;
    private static final float PLACE_BOOST = 1.5f;
    private static final float CONCEPT_BOOST = 1f;
    /** A synonym counts, but less than the words the user typed. */
    private static final float SYNONYM_WEIGHT = 0.6f;
    private static final float CLUSTER_TAG_BOOST = 1f;
    private static final float TYPE_BOOST = 1f;
    private static final float SIDE_BOOST = 1f;
    private static final float FUZZY_BOOST = 0.8f;
    private static final float COUNTRY_STAND_IN = 0.5f;
    /** A concept found in several ways (its words, synonyms, its cluster tag) counts more than one found once. */
    private static final float CONCEPT_TIE_BREAKER = 0.3f;
    private static final int PHRASE_SLOP = 2;
    private static final int MAX_SLOP = 10;
    /** Deeper brackets serve no search anyone types; the parser would recurse once per level. */
    private static final int MAX_NESTING = 16;
    private static final int MAX_FUZZY_EXPANSIONS = 50;
    /** Query syntax; a question mark ending a word is a question, not a wildcard. */
    private static final Pattern SYNTAX = Pattern.compile("[\"():*~^+/\\[\\]{}]|\\?(?=\\w)|(^|\\s)-|\\b(AND|OR|NOT)\\b");
    /** What makes text between slashes a regular expression rather than, say, a date (2021/2022/2023). */
    private static final Pattern REGEX_OPERATOR = Pattern.compile("[.*+?|\\[\\]{}()\\\\]");
    private static final String HAN_PAIR = "<DOUBLE>";
    private static final String HAN_SINGLE = "<SINGLE>";

    private final Analyzer analyzer;
    private final QueryPlanner planner;
    private final Vocabulary vocabulary;

    UserQuery(Analyzer analyzer, Vocabulary vocabulary) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.planner = new QueryPlanner(vocabulary);
    }

    Parsed parse(String text, IndexSearcher searcher) {
        if (nesting(text) > MAX_NESTING) {
            throw new InvalidSearchException("q", "brackets may nest at most " + MAX_NESTING + " deep");
        }
        if (SYNTAX.matcher(text).find()) {
            try {
                return new Parsed(syntaxParser().parse(text), null);
            } catch (InvalidSearchException tooCostly) {
                throw tooCostly;
            } catch (ParseException | RuntimeException malformed) {
                return words(text, searcher);
            }
        }
        return words(text, searcher);
    }

    /** The words of a text as a ranked query, read with the vocabulary, ignoring any syntax. */
    Parsed words(String text, IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        Map<String, Boolean> knownCache = new HashMap<>();
        java.util.function.Predicate<String> known = word -> knownCache.computeIfAbsent(word, w -> knownWord(reader, w));
        QueryPlan plan = planner.plan(text, known);
        Map<String, String> corrections = new LinkedHashMap<>();
        plan.corrections().forEach(c -> corrections.put(c.typed(), c.meant()));
        // Misspelt words are read again once corrected, so "circullar economy" is the concept "circular economy".
        for (QueryPlan.Part part : plan.parts()) {
            if (part instanceof QueryPlan.Words w) {
                for (List<String> group : groups(w.text())) {
                    if (group.size() == 1 && mayBeMisspelt(group.get(0)) && !knownTerm(reader, group.get(0))) {
                        correction(reader, group.get(0), w.text()).ifPresent(c -> corrections.put(c[0], c[1]));
                    }
                }
            }
        }
        String corrected = suggestion(text, corrections);
        if (corrected != null) {
            plan = planner.plan(corrected, known);
        }

        BooleanQuery.Builder content = new BooleanQuery.Builder();
        List<String> phraseTerms = new ArrayList<>();
        int clauses = 0;
        for (QueryPlan.Part part : plan.parts()) {
            switch (part) {
                case QueryPlan.Words w -> {
                    for (List<String> group : groups(w.text())) {
                        boolean misspelt = group.size() == 1 && mayBeMisspelt(group.get(0)) && !knownTerm(reader, group.get(0));
                        if (misspelt) {
                            content.add(fuzzy(group.get(0), rawWord(w.text(), group.get(0))), BooleanClause.Occur.SHOULD);
                        } else {
                            content.add(acrossFields(group), BooleanClause.Occur.SHOULD);
                            phraseTerms.addAll(group);
                        }
                        clauses++;
                    }
                }
                case QueryPlan.PlaceRef p -> {
                    content.add(new BoostQuery(place(p, searcher), PLACE_BOOST), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
                case QueryPlan.Concept c -> {
                    content.add(new BoostQuery(concept(c), CONCEPT_BOOST), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (phraseTerms.size() > 1) {
            content.add(new BoostQuery(termsQuery(IndexSchema.TEXT, phraseTerms, PHRASE_SLOP), PHRASE_BOOST),
                    BooleanClause.Occur.SHOULD);
            content.add(new BoostQuery(termsQuery(IndexSchema.TITLE, phraseTerms, PHRASE_SLOP),
                    PHRASE_BOOST * FIELDS.get(IndexSchema.TITLE)), BooleanClause.Occur.SHOULD);
        }
        List<Query> hints = hints(plan);
        if (clauses == 0 && hints.isEmpty()) {
            return new Parsed(new MatchNoDocsQuery("no searchable words"), null);
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (clauses > 0) {
            q.add(content.build(), BooleanClause.Occur.MUST);
            hints.forEach(h -> q.add(h, BooleanClause.Occur.SHOULD));
        } else {
            BooleanQuery.Builder anyHint = new BooleanQuery.Builder();
            hints.forEach(h -> anyHint.add(h, BooleanClause.Occur.SHOULD));
            q.add(anyHint.build(), BooleanClause.Occur.MUST);
        }
        return new Parsed(q.build(), corrected);
    }

    /** Favours the kinds of record and the partnership sides the query names. */
    private List<Query> hints(QueryPlan plan) {
        List<Query> hints = new ArrayList<>();
        for (String type : plan.types()) {
            hints.add(new BoostQuery(new ConstantScoreQuery(facet(IndexSchema.DIM_TYPE, type)), TYPE_BOOST));
        }
        for (String side : plan.sides()) {
            BooleanQuery.Builder countries = new BooleanQuery.Builder();
            for (Country c : vocabulary.gazetteer().countries()) {
                if (c.side().equals(side)) {
                    countries.add(facet(IndexSchema.DIM_COUNTRY, c.name()), BooleanClause.Occur.SHOULD);
                }
            }
            hints.add(new BoostQuery(new ConstantScoreQuery(countries.build()), SIDE_BOOST));
        }
        return hints;
    }

    private static Query facet(String dim, String value) {
        return new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, value));
    }

    /** A group of analysed terms in any field, the best field counting most. */
    private static Query acrossFields(List<String> group) {
        List<Query> perField = new ArrayList<>();
        FIELDS.forEach((field, boost) -> perField.add(new BoostQuery(termsQuery(field, group, 0), boost)));
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /**
     * A place: any of its names. A place no record names (Prague, as "Praha") stands for its
     * country, so the search still finds the records nearest to it.
     */
    private Query place(QueryPlan.PlaceRef p, IndexSearcher searcher) {
        Query names = anyName(p.place().names());
        try {
            if (searcher.count(names) > 0) {
                return names;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BoostQuery(new ConstantScoreQuery(facet(IndexSchema.DIM_COUNTRY, p.place().country())), COUNTRY_STAND_IN);
    }

    /** Any name of a place, as a phrase, in the title, the places or the text. */
    private Query anyName(List<String> names) {
        List<Query> options = new ArrayList<>();
        for (String name : names) {
            List<String> terms = terms(name);
            if (terms.isEmpty()) {
                continue;
            }
            options.add(new BoostQuery(termsQuery(IndexSchema.TITLE, terms, 0), FIELDS.get(IndexSchema.TITLE)));
            options.add(new BoostQuery(termsQuery(IndexSchema.PLACES, terms, 0), FIELDS.get(IndexSchema.PLACES)));
            options.add(termsQuery(IndexSchema.TEXT, terms, 0));
        }
        return new DisjunctionMaxQuery(options, TIE_BREAKER);
    }

    /** Any phrase of a concept in the title or text; the records tagged with its cluster too. */
    private Query concept(QueryPlan.Concept c) {
        List<Query> options = new ArrayList<>();
        for (String phrase : c.phrases()) {
            List<String> terms = terms(phrase);
            if (terms.isEmpty()) {
                continue;
            }
            float weight = phrase.equals(c.typed()) ? 1f : SYNONYM_WEIGHT;
            options.add(new BoostQuery(termsQuery(IndexSchema.TITLE, terms, 0), weight * FIELDS.get(IndexSchema.TITLE)));
            options.add(new BoostQuery(termsQuery(IndexSchema.TEXT, terms, 0), weight));
        }
        if (c.cluster() != null) {
            List<String> terms = terms(c.cluster());
            if (!terms.isEmpty()) {
                // Being tagged with the cluster is weaker evidence than saying the words: a fixed score, no more.
                options.add(new BoostQuery(new ConstantScoreQuery(termsQuery(IndexSchema.CLUSTERS, terms, 0)), CLUSTER_TAG_BOOST));
            }
        }
        return options.isEmpty() ? new MatchNoDocsQuery() : new DisjunctionMaxQuery(options, CONCEPT_TIE_BREAKER);
    }

    /**
     * A word the index does not know, matched within one or two typing slips, as its stem and as
     * typed: a slip can change the stem ("precisison" does not stem like "precision").
     */
    private static Query fuzzy(String term, String raw) {
        List<Query> perField = new ArrayList<>();
        for (String variant : raw == null || raw.equals(term) ? List.of(term) : List.of(term, raw)) {
            int edits = variant.length() <= 5 ? 1 : 2;
            for (String field : List.of(IndexSchema.TEXT, IndexSchema.TITLE, IndexSchema.PLACES)) {
                FuzzyQuery f = new FuzzyQuery(new Term(field, variant), edits, 1, MAX_FUZZY_EXPANSIONS, true,
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_FUZZY_EXPANSIONS));
                perField.add(new BoostQuery(f, FIELDS.get(field)));
            }
        }
        return new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), FUZZY_BOOST);
    }

    /** The word of a text, lower case and without diacritics, that analyses to the term. */
    private static String rawWord(String text, String term) {
        for (String word : text.split(" ")) {
            if (terms(word, IndexSchema.analyzer()).equals(List.of(term))) {
                return coop.portal.vocab.TextKeys.fold(word);
            }
        }
        return null;
    }

    /** The typed word and the indexed word closest to it, if the index has one. */
    /** A word with a digit is a year, a figure or a code: one digit off is another thing, not a slip. */
    private static boolean mayBeMisspelt(String term) {
        return term.chars().noneMatch(Character::isDigit);
    }

    private static java.util.Optional<String[]> correction(IndexReader reader, String term, String typedText) {
        DirectSpellChecker checker = new DirectSpellChecker();
        SuggestWord best = null;
        for (String field : List.of(IndexSchema.PLACES, IndexSchema.TITLE, IndexSchema.TEXT)) {
            try {
                SuggestWord[] found = checker.suggestSimilar(new Term(field, term), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (found.length > 0 && (best == null || found[0].score > best.score)) {
                    best = found[0];
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (best == null) {
            return java.util.Optional.empty();
        }
        String meant = surface(reader, best.string);
        for (String typed : typedText.split(" ")) {
            if (terms(typed, IndexSchema.analyzer()).equals(List.of(term))) {
                return java.util.Optional.of(new String[] {typed, meant});
            }
        }
        return java.util.Optional.of(new String[] {term, meant});
    }

    /**
     * A word as written in some record's text for an index term, since the index holds stems
     * ("dairi") and a suggestion must be a word ("dairy"). The term itself if no text shows it.
     */
    private static String surface(IndexReader reader, String stem) {
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            var top = searcher.search(new TermQuery(new Term(IndexSchema.TEXT, stem)), 1);
            if (top.scoreDocs.length == 0) {
                return stem;
            }
            String text = searcher.storedFields().document(top.scoreDocs[0].doc, java.util.Set.of(IndexSchema.TEXT))
                    .get(IndexSchema.TEXT);
            try (TokenStream ts = IndexSchema.analyzer().tokenStream(IndexSchema.TEXT, text)) {
                CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (t.toString().equals(stem)) {
                        return text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                    }
                }
                ts.end();
            }
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query with its corrected words, keeping the capital of a capitalised word; null if nothing was corrected. */
    private static String suggestion(String text, Map<String, String> corrections) {
        if (corrections.isEmpty()) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> c : corrections.entrySet()) {
            Matcher m = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(c.getKey()) + "(?![\\p{L}\\p{N}])").matcher(out);
            if (m.find()) {
                String typed = m.group();
                String meant = Character.isUpperCase(typed.codePointAt(0)) || Character.isUpperCase(c.getValue().codePointAt(0))
                        ? Character.toUpperCase(c.getValue().charAt(0)) + c.getValue().substring(1)
                        : c.getValue().toLowerCase(Locale.ROOT);
                out = out.substring(0, m.start()) + meant + out.substring(m.end());
            }
        }
        return out.equals(text) ? null : out;
    }

    /** True if some record has the typed word, analysed as the index analyses it, in its text, title or places. */
    private static boolean knownWord(IndexReader reader, String word) {
        return terms(word, IndexSchema.analyzer()).stream().anyMatch(t -> knownTerm(reader, t));
    }

    /** True if some record has the analysed term in its text, title or places. */
    private static boolean knownTerm(IndexReader reader, String term) {
        try {
            for (String field : List.of(IndexSchema.TEXT, IndexSchema.TITLE, IndexSchema.PLACES)) {
                if (reader.docFreq(new Term(field, term)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query termsQuery(String field, List<String> terms, int slop) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        terms.forEach(t -> p.add(new Term(field, t)));
        p.setSlop(slop);
        return p.build();
    }

    private List<String> terms(String text) {
        return terms(text, analyzer);
    }

    private static List<String> terms(String text, Analyzer analyzer) {
        List<String> out = new ArrayList<>();
        for (List<String> g : groups(text, analyzer)) {
            out.addAll(g);
        }
        return out;
    }

    private List<List<String>> groups(String text) {
        return groups(text, analyzer);
    }

    /**
     * The analysed words of a text: each word a group of its own, except runs of Chinese
     * character pairs, which must match as a phrase.
     */
    private static List<List<String>> groups(String text, Analyzer analyzer) {
        List<List<String>> groups = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            boolean lastHan = false;
            while (ts.incrementToken()) {
                boolean han = type.type().equals(HAN_PAIR) || type.type().equals(HAN_SINGLE);
                if (han && lastHan) {
                    groups.get(groups.size() - 1).add(term.toString());
                } else {
                    groups.add(new ArrayList<>(List.of(term.toString())));
                }
                lastHan = han && type.type().equals(HAN_PAIR);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private MultiFieldQueryParser syntaxParser() {
        MultiFieldQueryParser p = new MultiFieldQueryParser(FIELDS.keySet().toArray(String[]::new), analyzer, FIELDS) {
            @Override
            protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
                return super.getFieldQuery(fieldName(field), queryText, quoted);
            }

            @Override
            protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
                if (slop > MAX_SLOP) {
                    throw new InvalidSearchException("q", "the words of a phrase may be at most " + MAX_SLOP
                            + " words apart (\"...\"~" + MAX_SLOP + ")");
                }
                return super.getFieldQuery(fieldName(field), queryText, slop);
            }

            @Override
            protected Query getRegexpQuery(String field, String termStr) throws ParseException {
                if (REGEX_OPERATOR.matcher(termStr).find()) {
                    throw new InvalidSearchException("q", "regular expressions (/.../) are not supported");
                }
                // Slashes around plain words are no regular expression: read the words.
                throw new ParseException("slashes around words");
            }

            @Override
            protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
                if (minSimilarity > FuzzyQuery.defaultMaxEdits) {
                    throw new InvalidSearchException("q", "a word may match with at most " + FuzzyQuery.defaultMaxEdits
                            + " typing slips (word~" + FuzzyQuery.defaultMaxEdits + ")");
                }
                return super.getFuzzyQuery(fieldName(field), termStr, minSimilarity);
            }

            @Override
            protected Query getPrefixQuery(String field, String termStr) throws ParseException {
                return super.getPrefixQuery(fieldName(field), noLeadingWildcard(termStr));
            }

            @Override
            protected Query getWildcardQuery(String field, String termStr) throws ParseException {
                return super.getWildcardQuery(fieldName(field), noLeadingWildcard(termStr));
            }

            @Override
            protected Query getRangeQuery(String field, String a, String b, boolean startInclusive, boolean endInclusive)
                    throws ParseException {
                throw new ParseException("ranges are not supported");
            }
        };
        p.setDefaultOperator(MultiFieldQueryParser.OR_OPERATOR);
        // Allowed here only to be refused with a clear message (see noLeadingWildcard).
        p.setAllowLeadingWildcard(true);
        // Whitespace splitting first, so that a run of Chinese characters becomes one phrase of its pairs.
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        return p;
    }

    /** How deep the brackets of a text nest, outside quotes. */
    private static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
        }
        return deepest;
    }

    /** A word that begins with a wildcard would have every word of the index read: refused. */
    private static String noLeadingWildcard(String term) {
        if (term.startsWith("*") || term.startsWith("?")) {
            throw new InvalidSearchException("q", "a word may not begin with * or ?");
        }
        return term;
    }

    /** Maps the field names users type to index fields; an unknown field is a syntax error. */
    private static String fieldName(String field) throws ParseException {
        if (field == null || FIELDS.containsKey(field)) {
            return field;
        }
        String mapped = FIELD_NAMES.get(field.toLowerCase(Locale.ROOT));
        if (mapped == null) {
            throw new ParseException("unknown field " + field);
        }
        return mapped;
    }
}
