package coop.portal.search;

import coop.portal.index.IndexSchema;
import coop.portal.record.Record;
import coop.portal.vocab.Vocabulary;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Searches the index: ranked, filtered, faceted and highlighted searches, lookups by id and a
 * full export. Holds one {@link SearcherManager}; every call works on one point-in-time view,
 * and a background refresh picks up new commits once a second, so an ingest that commits
 * switches all searches to the new records at once.
 *
 * <p>Thread-safe; close it once.
 */
public final class Searcher implements Closeable {

    /** Deepest result a request may reach (page × size). */
    public static final int MAX_DEPTH = 10_000;

    private final Directory directory;
    private final SearcherManager manager;
    private final ScheduledExecutorService refresher;
    private final UserQuery userQuery;
    private final FacetCounter facets;
    private final Recommender recommender;
    private final Suggester suggester;
    private final Vocabulary vocabulary;

    private Searcher(Directory directory, SearcherManager manager, Vocabulary vocabulary) {
        this.directory = directory;
        this.manager = manager;
        this.userQuery = new UserQuery(IndexSchema.analyzer(), vocabulary);
        this.facets = new FacetCounter(vocabulary.clusters());
        this.recommender = new Recommender(vocabulary);
        this.suggester = new Suggester(vocabulary);
        this.vocabulary = vocabulary;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens the index in a folder for searching.
     *
     * @throws IOException if the folder holds no index or it cannot be read
     */
    public static Searcher open(Path dir, Vocabulary vocabulary) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no index at " + dir + ": run the ingest first");
        }
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index at " + dir + ": run the ingest first");
            }
            return new Searcher(directory, new SearcherManager(directory, new FacetedSearcher.Factory()), vocabulary);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public SearchResult search(SearchRequest request) throws IOException {
        if ((long) request.page() * request.size() > MAX_DEPTH) {
            throw new InvalidSearchException("page", "page × size may not exceed " + MAX_DEPTH);
        }
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            UserQuery.Parsed parsed = request.browsing() ? null : userQuery.parse(request.query(), searcher);
            Query query = parsed == null ? new MatchAllDocsQuery() : parsed.query();
            String suggestion = parsed == null ? null : parsed.suggestion();
            DrillDownQuery drillDown = new DrillDownQuery(IndexSchema.facetsConfig(), withArea(query, request.area()));
            facets.addFilters(drillDown, request);
            if (!request.population().isAny()) {
                // A drill-down dimension of its own, so the population bands count sideways like the facets.
                drillDown.add(IndexSchema.POPULATION, populationFilter(request.population()));
            }
            int topN = request.page() * request.size();
            SortOrder order = request.effectiveSort();
            if (searcher.state() == null) {
                return new SearchResult(0, request.page(), request.size(), order, List.of(), facets.empty(), Map.of(), null);
            }
            DrillSideways sideways = new DrillSideways(searcher, IndexSchema.facetsConfig(), searcher.state());
            DrillSideways.DrillSidewaysResult result = order == SortOrder.RELEVANCE
                    ? sideways.search(drillDown, topN)
                    : sideways.search(drillDown, null, null, topN, sort(order), false);
            TopDocs page = page(result.hits, request);
            List<Hit> hits = hits(searcher, query, page, request.browsing());
            Map<String, List<FacetValue>> counts = facets.count(result.facets, request, searcher.dimensions());
            Map<String, List<RangeCount>> ranges = Map.of(IndexSchema.POPULATION,
                    PopulationBands.count(sidewaysOf(result, IndexSchema.POPULATION), request.population()));
            return new SearchResult(result.hits.totalHits.value(), request.page(), request.size(), order, hits, counts,
                    ranges, suggestion);
        } finally {
            manager.release(searcher);
        }
    }

    private static Query withArea(Query query, Range area) {
        if (area.isAny()) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(DoublePoint.newRangeQuery(IndexSchema.AREA,
                        area.min() == null ? Double.NEGATIVE_INFINITY : area.min(),
                        area.max() == null ? Double.POSITIVE_INFINITY : area.max()), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query populationFilter(Range p) {
        return LongPoint.newRangeQuery(IndexSchema.POPULATION,
                p.min() == null ? Long.MIN_VALUE : (long) Math.ceil(p.min()),
                p.max() == null ? Long.MAX_VALUE : (long) Math.floor(p.max()));
    }

    /** The hits a dimension's counts are taken over: all others' filters applied, its own not. */
    private static FacetsCollector sidewaysOf(DrillSideways.DrillSidewaysResult result, String dim) {
        if (result.drillSidewaysDims != null) {
            for (int i = 0; i < result.drillSidewaysDims.length; i++) {
                if (dim.equals(result.drillSidewaysDims[i])) {
                    return result.drillSidewaysFacetsCollector[i];
                }
            }
        }
        return result.drillDownFacetsCollector;
    }

    private static Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> Sort.RELEVANCE;
            case TITLE -> new Sort(new SortField(IndexSchema.TITLE_SORT, SortField.Type.STRING));
            case POPULATION_DESC -> {
                SortField f = new SortField(IndexSchema.POPULATION, SortField.Type.LONG, true);
                f.setMissingValue(Long.MIN_VALUE);
                yield new Sort(f, new SortField(IndexSchema.TITLE_SORT, SortField.Type.STRING));
            }
            case POPULATION_ASC -> {
                SortField f = new SortField(IndexSchema.POPULATION, SortField.Type.LONG);
                f.setMissingValue(Long.MAX_VALUE);
                yield new Sort(f, new SortField(IndexSchema.TITLE_SORT, SortField.Type.STRING));
            }
        };
    }

    private static TopDocs page(TopDocs top, SearchRequest request) {
        int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
        ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        return new TopDocs(new TotalHits(slice.length, TotalHits.Relation.EQUAL_TO), slice);
    }

    private static List<Hit> hits(IndexSearcher searcher, Query query, TopDocs page, boolean browsing) throws IOException {
        String[] snippets = browsing || page.scoreDocs.length == 0 ? null : Snippets.highlight(searcher, query, page);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(page.scoreDocs.length);
        for (int i = 0; i < page.scoreDocs.length; i++) {
            ScoreDoc sd = page.scoreDocs[i];
            hits.add(StoredRecords.hit(stored, sd.doc, sd.score, snippets == null ? null : snippets[i]));
        }
        return hits;
    }

    /** The record with this id, if the index has it. */
    public Optional<Record> find(String id) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return find(searcher, id);
        } finally {
            manager.release(searcher);
        }
    }

    private static Optional<Record> find(IndexSearcher searcher, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(StoredRecords.record(searcher.storedFields(), top.scoreDocs[0].doc));
    }

    /** The records most like the one with this id, or empty if there is no such record. */
    public Optional<List<Hit>> similar(String id, int n) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Optional<Record> record = find(searcher, id);
            return record.isEmpty() ? Optional.empty() : Optional.of(recommender.similar(searcher, record.get(), n));
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * Partner candidates for the city or region with this id, or empty if there is no such record.
     *
     * @throws InvalidSearchException if the record is not a city or region
     */
    public Optional<List<Partner>> partners(String id, int n) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Optional<Record> record = find(searcher, id);
            return record.isEmpty() ? Optional.empty() : Optional.of(recommender.partners(searcher, record.get(), n));
        } finally {
            manager.release(searcher);
        }
    }

    /** The reference data the searcher works with: places with their coordinates, clusters, countries. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Completions for what a user has typed so far: places, titles and clusters. */
    public List<Suggestion> suggest(String typed, int n) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return suggester.suggest(searcher, typed, n);
        } finally {
            manager.release(searcher);
        }
    }

    /** Receives exported records one at a time. */
    public interface RecordSink {
        void accept(Record record) throws IOException;
    }

    /** Hands every record of one point-in-time view of the index to the sink, in index order. */
    public void export(RecordSink sink) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        sink.accept(StoredRecords.record(stored, doc));
                    }
                }
            }
        } finally {
            manager.release(searcher);
        }
    }

    /** Number of records in the current view. */
    public int count() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            manager.release(searcher);
        }
    }

    /** Switches to the latest commit now, instead of at the next background refresh. */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    private void refreshQuietly() {
        try {
            manager.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // The current view stays valid; the next tick tries again.
            System.getLogger(Searcher.class.getName()).log(System.Logger.Level.WARNING, "index refresh failed: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}
