package coop.portal;

import coop.portal.index.RecordIndexer;
import coop.portal.ingest.CorpusWalker;
import coop.portal.ingest.DocumentParser;
import coop.portal.ingest.Fingerprint;
import coop.portal.ingest.Ingester;
import coop.portal.ingest.SourceFile;
import coop.portal.ingest.UnreadableDocumentException;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
                results.add(ingest(ingester, indexer, file, fingerprint));
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

    private static IngestReport.FileResult ingest(Ingester ingester, RecordIndexer indexer, SourceFile file, String fingerprint)
            throws IOException {
        AtomicInteger count = new AtomicInteger();
        try {
            List<String> warnings = ingester.read(file, r -> {
                try {
                    indexer.add(r, file.relative());
                    count.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Only now, with the new records in, do the file's previous records go.
            indexer.dropPrevious(file.relative());
            indexer.fileDone(file.relative(), fingerprint);
            return IngestReport.FileResult.read(file.relative(), count.get(), warnings);
        } catch (UnreadableDocumentException e) {
            return IngestReport.FileResult.skipped(file.relative(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
