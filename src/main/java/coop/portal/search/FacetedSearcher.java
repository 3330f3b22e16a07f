package coop.portal.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * An index searcher that carries the facet arrays of its segments ({@link SegmentFacets}). They
 * are read when the searcher manager opens the searcher, before any search uses it, and a
 * segment that survives a refresh keeps its arrays; they are dropped when the segment closes.
 */
final class FacetedSearcher extends IndexSearcher {

    private static final int QUERIES = 512;

    private final Map<IndexReader.CacheKey, SegmentFacets> facets;
    private final FilterCache filters;
    /** Queries read for this searcher: what a query means depends on the index it runs on. */
    private final Map<String, UserQuery.Parsed> queries = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, UserQuery.Parsed> eldest) {
                    return size() > QUERIES;
                }
            });

    /** Results of searches on this searcher, without their snippets; a new searcher starts empty. */
    private final Map<ResultKey, FacetedSearch.Result> results;

    private FacetedSearcher(IndexReader reader, Map<IndexReader.CacheKey, SegmentFacets> facets, FilterCache filters,
                            int resultCapacity) {
        super(reader);
        this.facets = facets;
        this.filters = filters;
        this.results = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ResultKey, FacetedSearch.Result> eldest) {
                return size() > resultCapacity;
            }
        });
    }

    /** What makes two searches the same, apart from the page: ranked hits and counts can be shared. */
    record ResultKey(String query, Map<String, List<String>> filters, Range population, Range area, SortOrder sort) {
        static ResultKey of(SearchRequest r) {
            Map<String, List<String>> filters = new java.util.TreeMap<>();
            r.filters().forEach((dim, values) -> filters.put(dim, values.stream().sorted().toList()));
            return new ResultKey(r.query().strip(), filters, r.population(), r.area(), r.effectiveSort());
        }
    }

    /**
     * Counts the facets of a search and ranks its first {@code depth} hits, by score when
     * {@code sort} is null. Ranked by score, two passes cost less than one: counting needs every
     * match but no scores, and ranking alone may skip the documents that cannot reach the top.
     */
    FacetedSearch.Result search(Query query, List<FacetingCollector.Selection> selections, Sort sort, int depth)
            throws IOException {
        if (sort == null) {
            FacetingCollector counts = search(query, new FacetedSearch(selections, null, this)).counts();
            TopDocs top = search(query, new SelectedRanking(selections, this, depth));
            return new FacetedSearch.Result(top, counts);
        }
        // Facets need every match anyway, so the sorted ranking need not skip any (threshold unbounded).
        return search(query, new FacetedSearch(selections, new TopFieldCollectorManager(sort, depth, Integer.MAX_VALUE), this));
    }

    /** A cached result that ranks at least {@code depth} hits, or null. */
    FacetedSearch.Result cachedResult(ResultKey key, int depth) {
        FacetedSearch.Result r = results.get(key);
        return r != null && (r.top().scoreDocs.length >= depth || r.top().scoreDocs.length == r.counts().hits()) ? r : null;
    }

    void cacheResult(ResultKey key, FacetedSearch.Result result) {
        results.put(key, result);
    }

    /** The query a user's text means on this searcher's index, read once per searcher. */
    UserQuery.Parsed parse(String text, UserQuery reader) {
        UserQuery.Parsed parsed = queries.get(text);
        if (parsed == null) {
            parsed = reader.parse(text, this);
            queries.put(text, parsed);
        }
        return parsed;
    }

    /** The cache of selected facet values' documents, shared by the searchers of one index. */
    FilterCache filters() {
        return filters;
    }

    /** The facet arrays of a segment of this searcher. */
    SegmentFacets facets(LeafReaderContext leaf) {
        SegmentFacets f = facets.get(leaf.reader().getCoreCacheHelper().getKey());
        if (f == null) {
            throw new IllegalStateException("facets of a segment were not read");
        }
        return f;
    }

    /** Heap held by the facet arrays of this searcher's segments. */
    long facetBytes() {
        return getIndexReader().leaves().stream().mapToLong(l -> facets(l).bytes()).sum();
    }

    static final class Factory extends SearcherFactory {
        private final int resultCapacity;
        private final SearchDeadline deadline;

        /**
         * @param resultCapacity searches whose results each searcher keeps; 0 keeps none
         * @param deadline       stops a search that runs too long
         */
        Factory(int resultCapacity, SearchDeadline deadline) {
            this.resultCapacity = resultCapacity;
            this.deadline = deadline;
        }

        /** Filters kept: at one bit per document, 128 of them for a million records take 16 MB. */
        private static final int FILTERS = 128;
        private final Map<IndexReader.CacheKey, SegmentFacets> facets = new ConcurrentHashMap<>();
        private final FilterCache filters = new FilterCache(FILTERS);

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            for (LeafReaderContext leaf : reader.leaves()) {
                IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
                IndexReader.CacheKey key = helper.getKey();
                if (!facets.containsKey(key)) {
                    facets.put(key, SegmentFacets.read(leaf.reader()));
                    helper.addClosedListener(closed -> {
                        facets.remove(closed);
                        filters.forget(closed);
                    });
                }
            }
            FacetedSearcher searcher = new FacetedSearcher(reader, facets, filters, resultCapacity);
            searcher.setTimeout(deadline);
            return searcher;
        }
    }
}
