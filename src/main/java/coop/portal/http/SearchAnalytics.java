package coop.portal.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * What people search for, without personal data: how often each query was searched and how
 * often it found nothing, nothing else. No addresses, no users or sessions, no times of single
 * searches; the counts live in memory only and start afresh with the server.
 *
 * <p>Queries are counted normalised: trimmed, lower-cased, runs of white space (ideographic space
 * too) made one space, and cut to {@value #MAX_QUERY_CHARS} characters. Every search request
 * counts, later pages and changed filters of the same query too: the counts measure searching,
 * not searchers. A search with an empty query browses the records; browses are counted apart and
 * never enter the query tables. Each table keeps at most {@value #MAX_QUERIES} distinct queries
 * (see {@link QueryTally}). Thread-safe.
 */
final class SearchAnalytics {

    static final int MAX_QUERIES = 10_000;
    static final int MAX_QUERY_CHARS = 200;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final LongAdder searches = new LongAdder();
    private final LongAdder zeroResults = new LongAdder();
    private final LongAdder browses = new LongAdder();
    private final QueryTally queries = new QueryTally(MAX_QUERIES);
    private final QueryTally zeroResultQueries = new QueryTally(MAX_QUERIES);

    /** Counts one search that was answered, with the number of records it found. */
    void record(String query, long total) {
        String q = normalise(query);
        if (q.isEmpty()) {
            browses.increment();
            return;
        }
        searches.increment();
        queries.add(q);
        if (total == 0) {
            zeroResults.increment();
            zeroResultQueries.add(q);
        }
    }

    static String normalise(String query) {
        if (query == null) {
            return "";
        }
        String q = WHITE_SPACE.matcher(query).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        if (q.codePointCount(0, q.length()) > MAX_QUERY_CHARS) {
            q = q.substring(0, q.offsetByCodePoints(0, MAX_QUERY_CHARS)).strip();
        }
        return q;
    }

    Instant since() {
        return since;
    }

    long searches() {
        return searches.sum();
    }

    long zeroResultSearches() {
        return zeroResults.sum();
    }

    long browses() {
        return browses.sum();
    }

    QueryTally queries() {
        return queries;
    }

    QueryTally zeroResultQueries() {
        return zeroResultQueries;
    }
}
