package coop.portal.cli;

import coop.portal.CorpusIngest;
import coop.portal.IngestReport;
import coop.portal.ingest.DocumentParser;
import coop.portal.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portal ingest}: reads the corpus into the index and prints what it did. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest the corpus folder into the index (only files that changed since the last ingest).")
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--corpus", defaultValue = "${env:PORTAL_CORPUS:-corpus}", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--index", defaultValue = "${env:PORTAL_INDEX:-index}", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--max-file-mb", defaultValue = "${env:PORTAL_MAX_FILE_MB:-50}",
            description = "Largest document read, in MB (default: ${DEFAULT-VALUE}).")
    long maxFileMb;

    @Override
    public Integer call() throws Exception {
        IngestReport report = run(corpus, index, maxFileMb);
        report.print(System.out);
        return report.anythingRead() ? 0 : 1;
    }

    static IngestReport run(Path corpus, Path index, long maxFileMb) throws java.io.IOException {
        try (TerminalProgress progress = TerminalProgress.create()) {
            return run(corpus, index, maxFileMb, progress);
        }
    }

    static IngestReport run(Path corpus, Path index, long maxFileMb, CorpusIngest.Progress progress) throws java.io.IOException {
        CorpusIngest ingest = new CorpusIngest(Vocabulary.load(), new DocumentParser(maxFileMb * 1024 * 1024));
        return ingest.run(corpus, index, progress);
    }
}
