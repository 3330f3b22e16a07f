package coop.portal;

import coop.portal.index.RecordIndexer;
import coop.portal.ingest.CorpusWalker;
import coop.portal.ingest.DocumentParser;
import coop.portal.ingest.Fingerprint;
import coop.portal.ingest.Ingester;
import coop.portal.ingest.SourceFile;
import coop.portal.ingest.UnreadableDocumentException;
import coop.portal.record.Record;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ingests a corpus folder into an index folder, incrementally: files whose fingerprint is
 * unchanged are not read again, records of changed files are replaced, records of deleted files
 * dropped, and everything becomes visible in one commit at the end. A file that cannot be read
 * is skipped with its reason and keeps the records it had.
 */
public final class CorpusIngest {

    /** Told about each file as ingest goes, e.g. to draw a progress bar. */
    public interface Progress {
        void start(int files);

        void file(String relative);

        void done();

        Progress NONE = new Progress() {
            @Override
            public void start(int files) {
            }

            @Override
            public void file(String relative) {
            }

            @Override
            public void done() {
            }
        };
    }

    private final Vocabulary vocabulary;
    private final DocumentParser parser;

    public CorpusIngest(Vocabulary vocabulary, DocumentParser parser) {
        this.vocabulary = vocabulary;
        this.parser = parser;
    }

    public IngestReport run(Path corpus, Path index, Progress progress) throws IOException {
        long started = System.nanoTime();
        List<SourceFile> files = CorpusWalker.walk(corpus);
        Ingester ingester = new Ingester(vocabulary, parser);
        List<IngestReport.FileResult> results = new ArrayList<>();
        int unchanged = 0;
        int deleted = 0;
        // Which file each record id came from in this run: an id is one record, from one file.
        Map<String, String> claimed = new HashMap<>();
        try (RecordIndexer indexer = RecordIndexer.open(index, vocabulary)) {
            // Records made by another version of the pipeline are all made again.
            boolean samePipeline = ingester.pipeline().equals(indexer.previousPipeline());
            Map<String, String> previous = indexer.fingerprints();
            indexer.pipeline(ingester.pipeline());
            Set<String> present = new HashSet<>();
            progress.start(files.size());
            for (SourceFile file : files) {
                progress.file(file.relative());
                present.add(file.relative());
                String fingerprint;
                try {
                    fingerprint = Fingerprint.of(file.path());
                } catch (UnreadableDocumentException e) {
                    results.add(IngestReport.FileResult.skipped(file.relative(), e.getMessage()));
                    continue;
                }
                if (samePipeline && fingerprint.equals(previous.get(file.relative()))) {
                    unchanged++;
                    continue;
                }
                results.add(ingest(ingester, indexer, file, fingerprint, claimed));
            }
            progress.done();
            for (String origin : previous.keySet()) {
                if (!present.contains(origin)) {
                    indexer.deleteOrigin(origin);
                    deleted++;
                }
            }
            boolean changed = deleted > 0 || indexer.rebuilt() || !samePipeline
                    || results.stream().anyMatch(r -> r.reason() == null);
            if (changed) {
                indexer.commit();
            }
            return new IngestReport(files.size(), unchanged, deleted, results, indexer.count(), changed,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static IngestReport.FileResult ingest(Ingester ingester, RecordIndexer indexer, SourceFile file, String fingerprint,
            Map<String, String> claimed) throws IOException {
        try (ParallelAdder adder = new ParallelAdder(indexer, file.relative())) {
            List<String> taken = new ArrayList<>();
            List<String> warnings = new ArrayList<>(ingester.read(file, r -> {
                String owner = claimed.putIfAbsent(r.id(), file.relative());
                if (owner == null || owner.equals(file.relative())) {
                    adder.add(r);
                } else {
                    taken.add("record \"" + r.id() + "\" skipped: its id already came from " + owner);
                }
            }));
            warnings.addAll(taken);
            int count = adder.finish();
            // Only now, with the new records in, do the file's previous records go.
            indexer.dropPrevious(file.relative());
            indexer.fileDone(file.relative(), fingerprint);
            return IngestReport.FileResult.read(file.relative(), count, warnings);
        } catch (UnreadableDocumentException e) {
            return IngestReport.FileResult.skipped(file.relative(), e.getMessage());
        }
    }

    /**
     * Adds records to the index on all cores while the reader goes on reading: analysing and
     * indexing a record costs several times more than reading it. A bounded queue keeps the
     * reader from running ahead of memory.
     */
    private static final class ParallelAdder implements AutoCloseable {
        private static final int QUEUE = 1024;
        private final RecordIndexer indexer;
        private final String origin;
        private final ExecutorService workers;
        private final Semaphore room = new Semaphore(QUEUE);
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicReference<IOException> failure = new AtomicReference<>();

        ParallelAdder(RecordIndexer indexer, String origin) {
            this.indexer = indexer;
            this.origin = origin;
            this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "indexer");
                t.setDaemon(true);
                return t;
            });
        }

        void add(Record record) {
            if (failure.get() != null) {
                return;
            }
            room.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    indexer.add(record, origin);
                    added.incrementAndGet();
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    room.release();
                }
            });
        }

        /** Waits for every record handed over to be added; the number added. */
        int finish() throws IOException {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(1, TimeUnit.DAYS)) {
                    throw new IOException("indexing did not finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while indexing", e);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return added.get();
        }

        @Override
        public void close() {
            workers.shutdownNow();
        }
    }
}
