package coop.portal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each query was counted, for at most {@code capacity} distinct queries. When the
 * table is full and a new query comes, the tenth of the table with the lowest counts is dropped
 * at once (ties: the alphabetically last first), so memory stays bounded however many distinct
 * queries arrive, the often searched stay, and the cost of dropping is spread over the next
 * tenth of new queries. A dropped query that comes back starts again from one. Thread-safe.
 */
final class QueryTally {

    /** A query and its count. */
    record Count(String query, long count) {
    }

    private static final Comparator<Map.Entry<String, long[]>> MOST_FIRST =
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey);

    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();

    QueryTally(int capacity) {
        if (capacity < 10) {
            throw new IllegalArgumentException("a tally keeps at least 10 queries");
        }
        this.capacity = capacity;
    }

    synchronized void add(String query) {
        long[] count = counts.get(query);
        if (count == null) {
            if (counts.size() >= capacity) {
                dropLeastCounted();
            }
            count = new long[1];
            counts.put(query, count);
        }
        count[0]++;
    }

    /** The {@code n} most counted queries, most first; equal counts alphabetically. */
    synchronized List<Count> top(int n) {
        return counts.entrySet().stream().sorted(MOST_FIRST).limit(n)
                .map(e -> new Count(e.getKey(), e.getValue()[0])).toList();
    }

    synchronized int size() {
        return counts.size();
    }

    int capacity() {
        return capacity;
    }

    private void dropLeastCounted() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(MOST_FIRST.reversed());
        for (Map.Entry<String, long[]> e : List.copyOf(entries.subList(0, capacity / 10))) {
            counts.remove(e.getKey());
        }
    }
}
