package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted passages of the hits' text: about {@value #LENGTH} characters around the best
 * match, the matched words in {@code <mark>}, every character of the document HTML-escaped.
 * A hit whose text does not contain the words (it matched on its title or places) gets the
 * opening of its text. Uses the offsets stored in the postings, so nothing is re-analysed.
 */
final class Snippets {

    private final TextCache texts;

    Snippets(TextCache texts) {
        this.texts = texts;
    }

    static final int LENGTH = 160;
    /** Where the match sits in the passage: a third of the way in, so it reads with some context before it. */
    private static final float ALIGNMENT = 0.33f;
    /** Longest text searched for a passage; longer texts are highlighted in their first part only. */
    private static final int MAX_TEXT = 200_000;
    private static final DefaultPassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

    String[] highlight(IndexSearcher searcher, Query query, TopDocs hits) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, IndexSchema.analyzer())
                .withFormatter(FORMATTER)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new PassageBreaks(), LENGTH, ALIGNMENT))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_TEXT)
                // Words rather than whole matched phrases: term offsets straight from the postings,
                // instead of re-running the query's matching for each hit.
                .withWeightMatches(false);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            // Texts come from the cache: the records people keep finding are not decompressed each time.
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    CharSequence[] perField = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        perField[f] = texts.text(searcher.getIndexReader(), doc);
                    }
                    values.add(perField);
                }
                return values;
            }
        };
        String[] snippets = highlighter.highlight(IndexSchema.TEXT, query, hits, 1);
        for (int i = 0; i < snippets.length; i++) {
            if (snippets[i] != null) {
                snippets[i] = snippets[i].strip().replaceAll("\\s+", " ");
            }
        }
        return snippets;
    }

    /** The opening of a text, escaped, for a browse without a query. */
    static String opening(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() > LENGTH) {
            int cut = t.lastIndexOf(' ', LENGTH);
            t = t.substring(0, cut > LENGTH / 2 ? cut : LENGTH) + "…";
        }
        return Html.escape(t);
    }
}
