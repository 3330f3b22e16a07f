package coop.portal;

import coop.portal.ingest.DocumentParser;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared test setup: the founding corpus and its index, the vocabulary, and real ingests into temporary folders. */
public final class Fixtures {

    /** The founding corpus of the project, read in place. */
    public static final Path CORPUS = Path.of("corpus");

    private static Vocabulary vocabulary;
    private static Path foundingIndex;

    private Fixtures() {
    }

    public static synchronized Vocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = Vocabulary.load();
        }
        return vocabulary;
    }

    /** Ingests a corpus folder into an index folder, as {@code portal ingest} does. */
    public static IngestReport ingest(Path corpus, Path index) {
        try {
            return new CorpusIngest(vocabulary(), new DocumentParser()).run(corpus, index, CorpusIngest.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The founding corpus ingested once per test run into a temporary folder, for tests that only read it. */
    public static synchronized Path foundingIndex() {
        if (foundingIndex == null) {
            try {
                Path dir = Files.createTempDirectory("portal-founding-index-");
                ingest(CORPUS, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                foundingIndex = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return foundingIndex;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
