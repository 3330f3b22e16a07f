package coop.portal.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a segment that have any of a selection's facet values, as a bit set, kept
 * for the selections people repeat: a filter answered from the cache costs one bit test per
 * matching document. Entries are keyed by segment, so they never go stale; the least recently
 * used go first when the cache is full.
 *
 * <p>Thread-safe.
 */
final class FilterCache {

    private record Key(IndexReader.CacheKey segment, String selection) {
    }

    private final Map<Key, FixedBitSet> filters;

    FilterCache(int capacity) {
        this.filters = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, FixedBitSet> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The documents of the segment with any of the facet paths (each dimension first). */
    FixedBitSet documents(LeafReader segment, List<String[]> paths) throws IOException {
        StringBuilder selection = new StringBuilder();
        paths.stream().map(p -> String.join("\u001f", p)).sorted().forEach(p -> selection.append(p).append('\u001e'));
        Key key = new Key(segment.getCoreCacheHelper().getKey(), selection.toString());
        synchronized (filters) {
            FixedBitSet cached = filters.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FixedBitSet docs = new FixedBitSet(Math.max(1, segment.maxDoc()));
        for (String[] path : paths) {
            String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
            PostingsEnum postings = segment.postings(
                    DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, path[0], rest), PostingsEnum.NONE);
            if (postings != null) {
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    docs.set(d);
                }
            }
        }
        synchronized (filters) {
            filters.put(key, docs);
        }
        return docs;
    }

    /** Forgets the entries of a closed segment. */
    void forget(IndexReader.CacheKey segment) {
        synchronized (filters) {
            filters.keySet().removeIf(k -> k.segment().equals(segment));
        }
    }
}
