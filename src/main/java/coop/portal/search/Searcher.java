package coop.portal.search;

import coop.portal.index.IndexFolder;
import coop.portal.index.IndexSchema;
import coop.portal.record.RecordJson;
import coop.portal.record.Record;
import coop.portal.vocab.Vocabulary;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
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

    /**
     * How a searcher is set up.
     *
     * @param resultCache searches whose results (ranked hits and counts, not snippets) are kept
     *                    per view of the index; 0 keeps none
     * @param limits      bounds on what one search may ask
     */
    public record Options(int resultCache, SearchLimits limits) {
        public Options {
            if (resultCache < 0) {
                throw new IllegalArgumentException("the result cache size must be 0 or more");
            }
        }

        public static Options defaults() {
            return new Options(1024, SearchLimits.defaults());
        }
    }

    /** A search ranks at least this many hits, so that the next pages come from the cache. */
    private static final int RANKED_AHEAD = 50;
    /** Record texts kept in memory for snippets: a few thousand of the most recently shown. */
    private static final int TEXT_CACHE_ENTRIES = 4096;

    private final Directory directory;
    private final SearcherManager manager;
    private final ScheduledExecutorService refresher;
    private final UserQuery userQuery;
    private final FacetCounter facets;
    private final Recommender recommender;
    private final StoredRecords stored;
    private final Snippets snippets;
    private final Suggester suggester;
    private final Vocabulary vocabulary;
    private final SearchLimits limits;
    private final SearchDeadline deadline;

    private Searcher(Directory directory, SearcherManager manager, Vocabulary vocabulary, SearchLimits limits,
                     SearchDeadline deadline) {
        this.directory = directory;
        this.manager = manager;
        this.limits = limits;
        this.deadline = deadline;
        this.userQuery = new UserQuery(IndexSchema.analyzer(), vocabulary);
        this.facets = new FacetCounter(vocabulary.clusters());
        TextCache texts = new TextCache(TEXT_CACHE_ENTRIES);
        this.stored = new StoredRecords(texts);
        this.snippets = new Snippets(texts);
        this.recommender = new Recommender(vocabulary, stored);
        this.suggester = new Suggester(vocabulary, stored);
        this.vocabulary = vocabulary;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens the index in a folder for searching, with the default options.
     *
     * @throws IOException if the folder holds no index or it cannot be read
     */
    public static Searcher open(Path dir, Vocabulary vocabulary) throws IOException {
        return open(dir, vocabulary, Options.defaults());
    }

    /**
     * Opens the index in a folder for searching.
     *
     * @throws IOException if the folder holds no index or it cannot be read
     */
    public static Searcher open(Path dir, Vocabulary vocabulary, Options options) throws IOException {
        IndexFolder.requireFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no index at " + dir + ": run the ingest first");
        }
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index at " + dir + ": run the ingest first");
            }
            // Lucene keeps this bound for the whole process: one searcher serves a process.
            IndexSearcher.setMaxClauseCount(options.limits().maxClauses());
            SearchDeadline deadline = new SearchDeadline();
            SearcherManager manager = new SearcherManager(directory, new FacetedSearcher.Factory(options.resultCache(), deadline));
            return new Searcher(directory, manager, vocabulary, options.limits(), deadline);
        } catch (IOException e) {
            directory.close();
            throw IndexFolder.unusable(dir, e);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public SearchResult search(SearchRequest request) throws IOException {
        checkLimits(request);
        List<FacetingCollector.Selection> selections = facets.selections(request);
        if (!request.population().isAny()) {
            selections.add(new FacetingCollector.Selection(IndexSchema.POPULATION, List.of(), request.population()));
        }
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        deadline.start(limits.timeout());
        try {
            UserQuery.Parsed parsed = request.browsing() ? null : searcher.parse(request.query(), userQuery);
            Query query = withArea(parsed == null ? new MatchAllDocsQuery() : parsed.query(), request.area());
            int topN = request.page() * request.size();
            SortOrder order = request.effectiveSort();
            FacetedSearcher.ResultKey key = FacetedSearcher.ResultKey.of(request);
            FacetedSearch.Result result = searcher.cachedResult(key, topN);
            if (result == null) {
                int depth = Math.min(limits.maxDepth(), Math.max(topN, RANKED_AHEAD));
                result = searcher.search(query, selections, sort(order), depth);
                if (deadline.end()) {
                    throw new InvalidSearchException("q", "the search took longer than " + limits.timeout().toMillis()
                            + " ms and was stopped; use fewer or more specific words");
                }
                searcher.cacheResult(key, result);
            }
            TopDocs page = page(result.top(), request);
            List<Hit> hits = hits(searcher, query, page, request.browsing());
            Map<String, List<RangeCount>> ranges = Map.of(IndexSchema.POPULATION,
                    PopulationBands.counts(result.counts().bandCounts(), request.population()));
            return new SearchResult(result.counts().hits(), request.page(), request.size(), order, hits,
                    facets.count(result.counts(), request), ranges, parsed == null ? null : parsed.suggestion());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidSearchException("q", "the query expands to more than " + limits.maxClauses()
                    + " clauses; use fewer words");
        } finally {
            deadline.end();
            manager.release(searcher);
        }
    }

    private void checkLimits(SearchRequest request) {
        if (request.query().length() > limits.maxQueryLength()) {
            throw new InvalidSearchException("q", "the query may have at most " + limits.maxQueryLength() + " characters");
        }
        int selected = 0;
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            selected += filter.getValue().size();
            if (selected > limits.maxFilters()) {
                throw new InvalidSearchException(filter.getKey(), "at most " + limits.maxFilters() + " facet values may be selected");
            }
        }
        if ((long) request.page() * request.size() > limits.maxDepth()) {
            throw new InvalidSearchException("page", "page × size may not exceed " + limits.maxDepth());
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

    /** How an order sorts; null for relevance, ranked by score. */
    private static Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> null;
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
        int to = Math.min(from + request.size(), top.scoreDocs.length);
        ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, from, to);
        return new TopDocs(new TotalHits(slice.length, TotalHits.Relation.EQUAL_TO), slice);
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, TopDocs page, boolean browsing) throws IOException {
        String[] passages = browsing || page.scoreDocs.length == 0 ? null : snippets.highlight(searcher, query, page);
        List<Hit> hits = new ArrayList<>(page.scoreDocs.length);
        for (int i = 0; i < page.scoreDocs.length; i++) {
            ScoreDoc sd = page.scoreDocs[i];
            hits.add(stored.hit(searcher.getIndexReader(), sd.doc, sd.score, passages == null ? null : passages[i]));
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

    private Optional<Record> find(IndexSearcher searcher, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(stored.record(searcher.getIndexReader(), top.scoreDocs[0].doc));
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
            IndexReader reader = searcher.getIndexReader();
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields texts = leaf.reader().storedFields();
                BinaryDocValues json = DocValues.getBinary(leaf.reader(), IndexSchema.RECORD);
                for (int doc = json.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = json.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        Record r = RecordJson.fromJson(json.binaryValue().utf8ToString());
                        String text = texts.document(doc, Set.of(IndexSchema.TEXT)).get(IndexSchema.TEXT);
                        sink.accept(r.toBuilder().text(text).build());
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

    /** Bytes of the index folder's files: the commits kept, and the files of a commit being written. */
    public long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String name : directory.listAll()) {
            try {
                bytes += directory.fileLength(name);
            } catch (NoSuchFileException | FileNotFoundException e) {
                // Deleted since it was listed, by a merge or a newer commit: no longer on disk.
            }
        }
        return bytes;
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
