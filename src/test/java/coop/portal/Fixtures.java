package coop.portal;

import coop.portal.ingest.DocumentParser;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Shared test setup: the founding corpus, the vocabulary, and real ingests into temporary folders. */
public final class Fixtures {

    /** The founding corpus of the project, read in place. */
    public static final Path CORPUS = Path.of("corpus");

    private static Vocabulary vocabulary;

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
}
