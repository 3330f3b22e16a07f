package coop.portal.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.record.Record;
import coop.portal.vocab.Vocabulary;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Writes records into the index, grouped by the corpus file they came from. Nothing a writer
 * does is visible until {@link #commit()}: a failed or killed ingest leaves the previous commit,
 * the previous complete set of records, in place. The commit also records each file's
 * fingerprint, so the next ingest re-reads only files that changed.
 *
 * <p>Records may be added from several threads; open, commit and close from one.
 */
public final class RecordIndexer implements Closeable {

    private static final String FINGERPRINTS = "fingerprints";
    static final String SCHEMA_VERSION = "schema";
    static final String COMMITTED_AT = "committed";
    private static final String PIPELINE = "pipeline";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final RecordDocuments documents;
    private final Map<String, String> fingerprints;
    private final String previousPipeline;
    private String pipeline;
    private final boolean rebuilt;
    /** Marks the records added by this writer, to tell them from those of earlier ingests. */
    private final String generation = Long.toString(System.nanoTime(), 36) + "-" + ProcessHandle.current().pid();
    private boolean committed;

    private RecordIndexer(Path dir, Directory directory, IndexWriter writer, RecordDocuments documents,
                          Map<String, String> fingerprints, String previousPipeline, boolean rebuilt) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.documents = documents;
        this.fingerprints = fingerprints;
        this.previousPipeline = previousPipeline;
        this.pipeline = previousPipeline;
        this.rebuilt = rebuilt;
    }

    /**
     * Opens the index folder for writing, creating it if needed. An index written by another
     * version of the schema is rebuilt from scratch, on commit.
     *
     * @throws IOException also if another process is writing the index, if the path is a file, or if the
     *                     index there cannot be read, saying why
     */
    public static RecordIndexer open(Path dir, Vocabulary vocabulary) throws IOException {
        IndexFolder.requireFolder(dir);
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            Map<String, String> previous = DirectoryReader.indexExists(directory) ? lastCommitData(directory) : Map.of();
            boolean sameSchema = IndexSchema.VERSION.equals(previous.get(SCHEMA_VERSION));
            IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            if (!sameSchema) {
                writer.deleteAll();
            }
            Map<String, String> fingerprints = sameSchema ? readFingerprints(previous) : new TreeMap<>();
            return new RecordIndexer(dir, directory, writer, new RecordDocuments(vocabulary), fingerprints,
                    sameSchema ? previous.get(PIPELINE) : null, !sameSchema);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IOException("the index in " + dir + " is being written by another process", e);
        } catch (IOException e) {
            directory.close();
            throw IndexFolder.unusable(dir, e);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Fingerprints of the corpus files in the last commit, by file. */
    public Map<String, String> fingerprints() {
        return Map.copyOf(fingerprints);
    }

    /** The ingest pipeline that wrote the last commit (see {@link #pipeline(String)}), or null. */
    public String previousPipeline() {
        return previousPipeline;
    }

    /** Names the ingest pipeline this writer's records come from; stored with the commit. */
    public void pipeline(String pipeline) {
        this.pipeline = pipeline;
    }

    /** True if the index is being rebuilt from scratch (it was empty or written by another schema version). */
    public boolean rebuilt() {
        return rebuilt;
    }

    /** Drops all records of a file that left the corpus. */
    public void deleteOrigin(String origin) throws IOException {
        write(() -> writer.deleteDocuments(new Term(IndexSchema.ORIGIN, origin)));
        fingerprints.remove(origin);
    }

    /**
     * Drops the records a file had before this ingest, keeping those added since: called once
     * a file's new records are all in, so a file that turns out unreadable keeps its old ones.
     */
    public void dropPrevious(String origin) throws IOException {
        write(() -> writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.ORIGIN, origin)), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.GENERATION, generation)), BooleanClause.Occur.MUST_NOT)
                .build()));
    }

    /**
     * Adds or replaces a record (by id) that came from a file. Into an index being rebuilt the
     * record is only added: there is nothing to replace, and looking ids up costs a tenth of the
     * indexing time. Thread-safe.
     */
    public void add(Record record, String origin) throws IOException {
        Document doc = documents.toDocument(record, origin, generation);
        if (rebuilt) {
            write(() -> writer.addDocument(doc));
        } else {
            write(() -> writer.updateDocument(new Term(IndexSchema.ID, record.id()), doc));
        }
    }

    /** Notes the fingerprint of a file whose records have all been added. */
    public synchronized void fileDone(String origin, String fingerprint) {
        fingerprints.put(origin, fingerprint);
    }

    /** Makes everything written visible at once. */
    public void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        try {
            data.put(FINGERPRINTS, JSON.writeValueAsString(new TreeMap<>(fingerprints)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data.put(SCHEMA_VERSION, IndexSchema.VERSION);
        if (pipeline != null) {
            data.put(PIPELINE, pipeline);
        }
        data.put(COMMITTED_AT, Instant.now().toString());
        write(() -> {
            writer.setLiveCommitData(data.entrySet());
            flushOnAllCores();
            return writer.commit();
        });
        committed = true;
    }

    /**
     * Writes the records still buffered in memory to new segments, one indexing thread's buffer
     * per core: commit would write them one after another, and at a large ingest that is a
     * fifth of the time on one core while the others idle.
     */
    private void flushOnAllCores() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return;
        }
        List<Callable<Void>> flushers = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            flushers.add(() -> {
                while (writer.flushNextBuffer()) {
                    // Each call writes one buffer; the next may still be waiting.
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (Future<Void> f : pool.invokeAll(flushers)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing the index failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Number of records in the index as this writer sees it. */
    public int count() throws IOException {
        return write(() -> {
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                return reader.numDocs();
            }
        });
    }

    /** A call on the writer that may fail. */
    private interface WriterCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs a call on the writer and tells a failure as what it means to the user: nothing of
     * this ingest is kept, the index stays as the last commit left it. Once a write fails (a
     * full disk), Lucene closes the writer and every later call says only that it is closed;
     * the reason is the failure that closed it.
     */
    private <T> T write(WriterCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (IOException | AlreadyClosedException e) {
            Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : e;
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new IOException("writing the index in " + dir + " failed (" + reason
                    + "); it is left as the last complete ingest made it", cause);
        }
    }

    /** Closes the writer; anything not committed is discarded. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                writer.rollback();
            } else {
                writer.close();
            }
            if (writer.getTragicException() != null) {
                removeUnfinishedFiles();
            }
        } finally {
            directory.close();
        }
    }

    /**
     * Deletes the files of segments that a failed writer left half written: a writer closed by
     * a failure (a full disk) leaves them, and they would keep the disk full until the next
     * ingest. A new writer deletes every file no commit refers to as it opens.
     */
    private void removeUnfinishedFiles() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false);
        new IndexWriter(directory, config).rollback();
    }

    private static Map<String, String> lastCommitData(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    private static Map<String, String> readFingerprints(Map<String, String> commitData) throws IOException {
        String json = commitData.get(FINGERPRINTS);
        return json == null ? new TreeMap<>() : JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
    }
}
