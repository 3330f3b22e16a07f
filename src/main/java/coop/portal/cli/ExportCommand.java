package coop.portal.cli;

import coop.portal.record.RecordJson;
import coop.portal.search.Searcher;
import coop.portal.vocab.Vocabulary;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portal export}: every record of the index as JSON Lines on stdout. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write every record of the index to stdout as JSON Lines.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--index", defaultValue = "${env:PORTAL_INDEX:-index}", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Override
    public Integer call() throws Exception {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (Searcher searcher = Searcher.open(index, Vocabulary.load())) {
            searcher.export(r -> {
                out.write(RecordJson.toJsonLine(r));
                out.write('\n');
            });
        }
        out.flush();
        return 0;
    }
}
