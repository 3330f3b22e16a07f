package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;

/**
 * Turns what a user typed into a Lucene query. Plain words become a query where each word may
 * match the title, places, clusters or text, weighted in that order, and where the words as a
 * phrase score extra. Query syntax (quotes, AND/OR/NOT, {@code title:}, {@code cluster:},
 * {@code place:}) is honoured; syntax that does not parse is searched as plain words instead of
 * being refused.
 *
 * <p>Thread-safe.
 */
final class UserQuery {

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
    private static final float TIE_BREAKER = 0.1f;
    private static final float PHRASE_BOOST = 2f;
    private static final int PHRASE_SLOP = 2;
    private static final int MAX_SLOP = 10;
    private static final Pattern SYNTAX = Pattern.compile("[\"():*?~^+\\[\\]{}]|(^|\\s)-|\\b(AND|OR|NOT)\\b");
    private static final String HAN_PAIR = "<DOUBLE>";
    private static final String HAN_SINGLE = "<SINGLE>";

    private final Analyzer analyzer;

    UserQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(String text) {
        if (SYNTAX.matcher(text).find()) {
            try {
                return syntaxParser().parse(text);
            } catch (ParseException | RuntimeException malformed) {
                return words(text);
            }
        }
        return words(text);
    }

    /** The words of a text as a ranked query, ignoring any syntax. */
    Query words(String text) {
        List<List<String>> groups = groups(text);
        if (groups.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        List<String> all = new ArrayList<>();
        for (List<String> group : groups) {
            List<Query> perField = new ArrayList<>();
            FIELDS.forEach((field, boost) -> perField.add(new BoostQuery(termsQuery(field, group, 0), boost)));
            q.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), BooleanClause.Occur.SHOULD);
            all.addAll(group);
        }
        if (groups.size() > 1) {
            q.add(new BoostQuery(termsQuery(IndexSchema.TEXT, all, PHRASE_SLOP), PHRASE_BOOST), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(termsQuery(IndexSchema.TITLE, all, PHRASE_SLOP), PHRASE_BOOST * FIELDS.get(IndexSchema.TITLE)),
                    BooleanClause.Occur.SHOULD);
        }
        return q.build();
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

    /**
     * The analysed words of a text: each word a group of its own, except runs of Chinese
     * character pairs, which must match as a phrase.
     */
    private List<List<String>> groups(String text) {
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
                return super.getFieldQuery(fieldName(field), queryText, Math.min(slop, MAX_SLOP));
            }

            @Override
            protected Query getRegexpQuery(String field, String termStr) throws ParseException {
                throw new ParseException("regular expressions are not supported");
            }

            @Override
            protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
                return super.getFuzzyQuery(fieldName(field), termStr, Math.min(minSimilarity, 2f));
            }

            @Override
            protected Query getPrefixQuery(String field, String termStr) throws ParseException {
                return super.getPrefixQuery(fieldName(field), termStr);
            }

            @Override
            protected Query getWildcardQuery(String field, String termStr) throws ParseException {
                return super.getWildcardQuery(fieldName(field), termStr);
            }

            @Override
            protected Query getRangeQuery(String field, String a, String b, boolean startInclusive, boolean endInclusive)
                    throws ParseException {
                throw new ParseException("ranges are not supported");
            }
        };
        p.setDefaultOperator(MultiFieldQueryParser.OR_OPERATOR);
        p.setAllowLeadingWildcard(false);
        p.setAutoGeneratePhraseQueries(true);
        return p;
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
