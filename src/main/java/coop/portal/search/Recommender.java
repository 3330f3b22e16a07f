package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.record.Record;
import coop.portal.vocab.Country;
import coop.portal.vocab.Gazetteer;
import coop.portal.vocab.GenericWords;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds records like a given one, and partner candidates for a city or region on the other side
 * of the partnership (EU ↔ China). Similarity is the record's characteristic words
 * (MoreLikeThis) and its clusters; a partner is ranked by the clusters both share, the words both
 * texts use, and how well the two profiles match (both cities or both regions, a similar size),
 * and comes with those reasons.
 *
 * <p>Thread-safe.
 */
final class Recommender {

    private static final int CHARACTERISTIC_TERMS = 25;
    private static final int CANDIDATES = 60;
    private static final float CLUSTER_BOOST = 2f;
    private static final double CLUSTER_WEIGHT = 3.0;
    private static final double TEXT_WEIGHT = 1.0;
    private static final double SAME_KIND_BONUS = 0.25;
    private static final double SIMILAR_SIZE_BONUS = 0.25;
    private static final double SIMILAR_SIZE_FACTOR = 3.0;
    private static final int SHOWN_TERMS = 6;
    private static final Set<String> PROFILE_TYPES = Set.of("city", "region");

    private final Gazetteer gazetteer;
    private final Set<String> generic;
    private final StoredRecords stored;

    Recommender(Vocabulary vocabulary, StoredRecords stored) {
        this.stored = stored;
        this.gazetteer = vocabulary.gazetteer();
        this.generic = stems(GenericWords.load());
    }

    /** The index terms of words, since MoreLikeThis compares its stop words with analysed terms. */
    private static Set<String> stems(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            try (TokenStream ts = IndexSchema.analyzer().tokenStream(IndexSchema.TEXT, w)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Set.copyOf(out);
    }

    List<Hit> similar(IndexSearcher searcher, Record record, int n) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(textLike(searcher.getIndexReader(), record), BooleanClause.Occur.SHOULD);
        addClusters(q, record);
        q.add(new TermQuery(new Term(IndexSchema.ID, record.id())), BooleanClause.Occur.MUST_NOT);
        TopDocs top = searcher.search(q.build(), n);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(stored.hit(searcher.getIndexReader(), sd.doc, sd.score, null));
        }
        return hits;
    }

    /**
     * Partner candidates for a city or region record: records of cities and regions on the other
     * side, best first, never another record of the same place.
     *
     * @throws InvalidSearchException if the record is not a city or region, or its side is unknown
     */
    List<Partner> partners(IndexSearcher searcher, Record record, int n) throws IOException {
        if (!PROFILE_TYPES.contains(record.type())) {
            throw new InvalidSearchException("id", "partners are found for city and region records; this is a " + record.type());
        }
        String side = side(record);
        List<String> otherSide = gazetteer.countries().stream()
                .map(Country::name).filter(c -> !side(c).equals(side) && !side(c).equals("other")).toList();
        if (side.equals("other") || otherSide.isEmpty()) {
            throw new InvalidSearchException("id", "no partnership side is known for " + record.countries());
        }
        Map<String, String> terms = characteristicTerms(searcher.getIndexReader(), record);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(textLike(searcher.getIndexReader(), record), BooleanClause.Occur.SHOULD);
        addClusters(q, record);
        q.add(anyOf(IndexSchema.DIM_COUNTRY, otherSide), BooleanClause.Occur.FILTER);
        q.add(anyOf(IndexSchema.DIM_TYPE, List.copyOf(PROFILE_TYPES)), BooleanClause.Occur.FILTER);
        TopDocs top = searcher.search(q.build(), CANDIDATES);

        float best = top.scoreDocs.length == 0 ? 1f : Math.max(top.scoreDocs[0].score, 1e-6f);
        List<Partner> partners = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Record candidate = stored.record(searcher.getIndexReader(), sd.doc);
            if (samePlace(record, candidate)) {
                continue;
            }
            List<String> shared = record.clusters().stream().filter(candidate.clusters()::contains).toList();
            List<String> sharedTerms = sharedTerms(searcher.getIndexReader(), sd.doc, terms);
            List<String> profile = profileMatch(record, candidate);
            double clusterOverlap = shared.isEmpty() ? 0
                    : shared.size() / Math.sqrt((double) record.clusters().size() * candidate.clusters().size());
            double score = CLUSTER_WEIGHT * clusterOverlap + TEXT_WEIGHT * textScore(sd.score, best, shared.size())
                    + (profile.contains(kindReason(record)) ? SAME_KIND_BONUS : 0)
                    + (profile.stream().anyMatch(p -> p.startsWith("similar size")) ? SIMILAR_SIZE_BONUS : 0);
            Hit hit = stored.hit(searcher.getIndexReader(), sd.doc, (float) score, null);
            partners.add(new Partner(hit, shared, sharedTerms, profile, score));
        }
        partners.sort(Comparator.comparingDouble(Partner::score).reversed());
        return partners.subList(0, Math.min(n, partners.size()));
    }

    /** The share of the candidate's query score that the text, not the cluster clauses, earned. */
    private static double textScore(float score, float best, int sharedClusters) {
        return Math.max(0, score - sharedClusters * CLUSTER_BOOST) / Math.max(best, 1e-6f);
    }

    private String side(Record r) {
        return r.countries().stream().map(this::side).filter(s -> !s.equals("other")).findFirst().orElse("other");
    }

    private String side(String country) {
        return gazetteer.country(country).map(Country::side).orElse("other");
    }

    private static boolean samePlace(Record a, Record b) {
        if (a.id().equals(b.id()) || a.title().equalsIgnoreCase(b.title())) {
            return true;
        }
        Set<String> places = new HashSet<>(a.places());
        return b.places().stream().anyMatch(places::contains);
    }

    private static String kindReason(Record r) {
        return "both " + (r.type().equals("region") ? "regions" : "cities");
    }

    /** What makes the two profiles a match beyond clusters and words: the same kind of place, a similar size. */
    private static List<String> profileMatch(Record a, Record b) {
        List<String> reasons = new ArrayList<>();
        if (a.type().equals(b.type())) {
            reasons.add(kindReason(a));
        }
        if (a.population() != null && b.population() != null && a.population() > 0 && b.population() > 0) {
            double ratio = (double) Math.max(a.population(), b.population()) / Math.min(a.population(), b.population());
            if (ratio <= SIMILAR_SIZE_FACTOR) {
                reasons.add(String.format(Locale.ROOT, "similar size: %s and %s inhabitants",
                        people(a.population()), people(b.population())));
            }
        }
        return reasons;
    }

    private static String people(long n) {
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.1f million", n / 1e6)
                : String.format(Locale.ROOT, "%,d", n);
    }

    private Query textLike(IndexReader reader, Record record) throws IOException {
        MoreLikeThis mlt = moreLikeThis(reader);
        return mlt.like(IndexSchema.TEXT, new StringReader(record.title() + "\n" + record.text()));
    }

    private MoreLikeThis moreLikeThis(IndexReader reader) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setStopWords(generic);
        mlt.setAnalyzer(IndexSchema.analyzer());
        mlt.setFieldNames(new String[] {IndexSchema.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxDocFreqPct(40);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(CHARACTERISTIC_TERMS);
        mlt.setBoost(true);
        return mlt;
    }

    private static void addClusters(BooleanQuery.Builder q, Record record) {
        for (var c : record.clusterDetails()) {
            String[] path = c.group() == null ? new String[] {c.name()} : new String[] {c.group(), c.name()};
            Term t = DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, IndexSchema.DIM_CLUSTER, path);
            q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(t)), CLUSTER_BOOST), BooleanClause.Occur.SHOULD);
        }
    }

    private static Query anyOf(String dim, List<String> values) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String v : values) {
            b.add(new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, v)), BooleanClause.Occur.SHOULD);
        }
        return new ConstantScoreQuery(b.build());
    }

    /** The record's characteristic index terms, each with the word of the text it stands for. */
    private Map<String, String> characteristicTerms(IndexReader reader, Record record) throws IOException {
        String text = record.title() + "\n" + record.text();
        String[] interesting = moreLikeThis(reader).retrieveInterestingTerms(new StringReader(text), IndexSchema.TEXT);
        Map<String, String> surface = new LinkedHashMap<>();
        Set<String> wanted = Set.of(interesting);
        try (TokenStream ts = IndexSchema.analyzer().tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (wanted.contains(t)) {
                    surface.putIfAbsent(t, text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
                }
            }
            ts.end();
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String t : interesting) {
            ordered.put(t, surface.getOrDefault(t, t));
        }
        return ordered;
    }

    /** The characteristic words of the record that the candidate's text uses too. */
    private static List<String> sharedTerms(IndexReader reader, int doc, Map<String, String> terms) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        int local = doc - leaf.docBase;
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, String> e : terms.entrySet()) {
            PostingsEnum postings = leaf.reader().postings(new Term(IndexSchema.TEXT, e.getKey()), PostingsEnum.NONE);
            if (postings != null && postings.advance(local) == local && local != DocIdSetIterator.NO_MORE_DOCS) {
                shared.add(e.getValue());
                if (shared.size() == SHOWN_TERMS) {
                    break;
                }
            }
        }
        return shared;
    }
}
