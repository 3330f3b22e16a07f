package coop.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.index.IndexSchema;
import coop.portal.record.Record;
import coop.portal.record.RecordJson;
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
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HIT_FIELDS = Set.of(IndexSchema.RECORD);

    private final Directory directory;
    private final SearcherManager manager;
    private final ScheduledExecutorService refresher;
    private final UserQuery userQuery = new UserQuery(IndexSchema.analyzer());
    private final FacetCounter facets;

    private Searcher(Directory directory, SearcherManager manager, Vocabulary vocabulary) {
        this.directory = directory;
        this.manager = manager;
        this.facets = new FacetCounter(vocabulary.clusters());
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
            Query query = request.browsing() ? new MatchAllDocsQuery() : userQuery.parse(request.query());
            DrillDownQuery drillDown = new DrillDownQuery(IndexSchema.facetsConfig(), withRanges(query, request));
            facets.addFilters(drillDown, request);
            int topN = request.page() * request.size();
            SortOrder order = request.effectiveSort();
            if (searcher.state() == null) {
                return new SearchResult(0, request.page(), request.size(), order, List.of(), facets.empty(), null);
            }
            DrillSideways sideways = new DrillSideways(searcher, IndexSchema.facetsConfig(), searcher.state());
            DrillSideways.DrillSidewaysResult result = order == SortOrder.RELEVANCE
                    ? sideways.search(drillDown, topN)
                    : sideways.search(drillDown, null, null, topN, sort(order), false);
            TopDocs page = page(result.hits, request);
            List<Hit> hits = hits(searcher, query, page, request.browsing());
            Map<String, List<FacetValue>> counts = facets.count(result.facets, request, searcher.dimensions());
            return new SearchResult(result.hits.totalHits.value(), request.page(), request.size(), order, hits, counts, null);
        } finally {
            manager.release(searcher);
        }
    }

    private static Query withRanges(Query query, SearchRequest request) {
        if (request.population().isAny() && request.area().isAny()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        Range p = request.population();
        if (!p.isAny()) {
            b.add(LongPoint.newRangeQuery(IndexSchema.POPULATION,
                    p.min() == null ? Long.MIN_VALUE : (long) Math.ceil(p.min()),
                    p.max() == null ? Long.MAX_VALUE : (long) Math.floor(p.max())), BooleanClause.Occur.FILTER);
        }
        Range a = request.area();
        if (!a.isAny()) {
            b.add(DoublePoint.newRangeQuery(IndexSchema.AREA,
                    a.min() == null ? Double.NEGATIVE_INFINITY : a.min(),
                    a.max() == null ? Double.POSITIVE_INFINITY : a.max()), BooleanClause.Occur.FILTER);
        }
        return b.build();
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
            Document doc = stored.document(sd.doc, browsing ? Set.of(IndexSchema.RECORD, IndexSchema.TEXT) : HIT_FIELDS);
            JsonNode r = JSON.readTree(doc.getBinaryValue(IndexSchema.RECORD).utf8ToString());
            String snippet = snippets != null && snippets[i] != null ? snippets[i]
                    : Snippets.opening(browsing ? doc.get(IndexSchema.TEXT) : text(stored, sd.doc));
            hits.add(new Hit(r.path("id").asText(), r.path("title").asText(), textOrNull(r, "type"),
                    strings(r.path("countries")), textOrNull(r, "province"), textOrNull(r, "programme"),
                    strings(r.path("clusters")), strings(r.path("places")),
                    r.path("population").isNumber() ? r.path("population").longValue() : null,
                    r.path("areaKm2").isNumber() ? r.path("areaKm2").doubleValue() : null,
                    snippet, Float.isNaN(sd.score) ? 0f : sd.score));
        }
        return hits;
    }

    private static String text(StoredFields stored, int doc) throws IOException {
        String t = stored.document(doc, Set.of(IndexSchema.TEXT)).get(IndexSchema.TEXT);
        return t == null ? "" : t;
    }

    private static String textOrNull(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The record with this id, if the index has it. */
    public Optional<Record> find(String id) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(record(searcher.storedFields(), top.scoreDocs[0].doc));
        } finally {
            manager.release(searcher);
        }
    }

    private static Record record(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc);
        Record r = RecordJson.fromJson(d.getBinaryValue(IndexSchema.RECORD).utf8ToString());
        return r.toBuilder().text(d.get(IndexSchema.TEXT)).build();
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
                        sink.accept(record(stored, doc));
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
