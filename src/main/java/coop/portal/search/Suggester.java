package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterGroup;
import coop.portal.vocab.Place;
import coop.portal.vocab.TextKeys;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Completes what a user is typing: place names in any spelling or script the gazetteer knows,
 * record titles, and cluster names, English or Chinese. Places and clusters come from the
 * vocabulary held in memory; titles from a prefix query on the title field, so suggesting stays
 * cheap however many records there are.
 *
 * <p>Thread-safe.
 */
final class Suggester {

    private record Entry(String key, String display, String kind, String matched) {
    }

    private static final int MIN_TITLE_PREFIX = 2;

    private final List<Entry> entries = new ArrayList<>();
    private final StoredRecords stored;

    Suggester(Vocabulary vocabulary, StoredRecords stored) {
        this.stored = stored;
        for (Place p : vocabulary.gazetteer().places()) {
            for (String name : p.names()) {
                entries.add(new Entry(key(name), p.name(), "place", name.equals(p.name()) ? null : name));
            }
        }
        for (ClusterGroup g : vocabulary.clusters().groups()) {
            entries.add(new Entry(key(g.name()), g.name(), "cluster", null));
            for (Cluster c : g.clusters()) {
                entries.add(new Entry(key(c.name()), c.name(), "cluster", null));
                for (String alias : c.aliases()) {
                    entries.add(new Entry(key(alias), c.name(), "cluster", alias));
                }
            }
        }
    }

    List<Suggestion> suggest(IndexSearcher searcher, String typed, int n) throws IOException {
        String prefix = key(typed);
        if (prefix.isEmpty()) {
            return List.of();
        }
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Suggestion s : titles(searcher, typed, prefix, n)) {
            out.putIfAbsent(TextKeys.key(s.text()), s);
        }
        for (Entry e : entries) {
            if (out.size() >= n * 3) {
                break;
            }
            if (e.key().startsWith(prefix) || e.key().contains(" " + prefix)) {
                if (e.kind().equals("place") && !named(searcher, e.display())) {
                    continue;
                }
                out.putIfAbsent(TextKeys.key(e.display()), new Suggestion(e.display(), e.kind(), null, e.matched()));
            }
        }
        return out.values().stream()
                .sorted(java.util.Comparator.comparingInt((Suggestion s) -> rank(s, prefix)))
                .limit(n).toList();
    }

    /** Whole-name matches first, then names that start with the prefix, then names with a word that does. */
    private static int rank(Suggestion s, String prefix) {
        String name = key(s.matched() != null ? s.matched() : s.text());
        int kind = switch (s.kind()) {
            case "place" -> 0;
            case "title" -> 1;
            default -> 2;
        };
        int match = name.equals(prefix) ? 0 : name.startsWith(prefix) ? 1 : 2;
        return match * 10 + kind;
    }

    /** Records whose title has the typed words, the last one as a prefix. */
    private List<Suggestion> titles(IndexSearcher searcher, String typed, String prefix, int n) throws IOException {
        if (prefix.length() < MIN_TITLE_PREFIX) {
            return List.of();
        }
        List<String> terms = analyze(typed);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size() - 1; i++) {
            q.add(new TermQuery(new Term(IndexSchema.TITLE, terms.get(i))), BooleanClause.Occur.MUST);
        }
        q.add(new PrefixQuery(new Term(IndexSchema.TITLE, terms.get(terms.size() - 1))), BooleanClause.Occur.MUST);
        TopDocs top = searcher.search(new ConstantScoreQuery(q.build()), n);
        List<Suggestion> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Hit h = stored.hit(searcher.getIndexReader(), sd.doc, 0, "");
            out.add(new Suggestion(h.title(), "title", h.id(), null));
        }
        return out;
    }

    /** True if some record has this place among its places. */
    private static boolean named(IndexSearcher searcher, String place) throws IOException {
        List<String> terms = analyze(place);
        if (terms.isEmpty()) {
            return false;
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        terms.forEach(t -> p.add(new Term(IndexSchema.PLACES, t)));
        return searcher.count(p.build()) > 0;
    }

    private static List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = IndexSchema.analyzer().tokenStream(IndexSchema.TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String key(String s) {
        return TextKeys.hasHan(s) ? s.strip() : TextKeys.key(s);
    }
}
