package coop.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest runs against real folders: re-ingest, incremental changes and deletions. */
class CorpusIngestTest {

    private static List<String> ids(Path index) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Searcher s = Searcher.open(index, Fixtures.vocabulary())) {
            s.export(r -> ids.add(r.id()));
        }
        return ids.stream().sorted().toList();
    }

    private static void copyCorpus(Path to) throws Exception {
        try (Stream<Path> files = Files.list(Fixtures.CORPUS)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void reIngestKeepsTheRecordCountAndIds(@TempDir Path corpus, @TempDir Path index) throws Exception {
        copyCorpus(corpus);
        IngestReport first = Fixtures.ingest(corpus, index);
        assertEquals(66, first.records());
        List<String> before = ids(index);

        IngestReport unchanged = Fixtures.ingest(corpus, index);
        assertEquals(5, unchanged.unchanged());
        assertFalse(unchanged.committed());

        // Touching every file forces a full re-read; nothing may be duplicated.
        for (Path f : Files.list(corpus).toList()) {
            Files.writeString(f, Files.readString(f) + "\n");
        }
        IngestReport again = Fixtures.ingest(corpus, index);
        assertEquals(5, again.results().size());
        assertEquals(66, again.records());
        assertEquals(before, ids(index));
    }

    @Test
    void changedFilesAreReplacedAndDeletedFilesDropped(@TempDir Path corpus, @TempDir Path index) throws Exception {
        copyCorpus(corpus);
        Fixtures.ingest(corpus, index);
        Files.delete(corpus.resolve("000_fa2526a364ffebfb.txt"));
        Files.writeString(corpus.resolve("news.txt"), "Pilot cities meet in Kunming\n\nA workshop on smart city data.\n");
        IngestReport report = Fixtures.ingest(corpus, index);
        assertEquals(1, report.deleted());
        assertEquals(66 - 10 + 1, report.records());
        assertTrue(ids(index).stream().noneMatch(id -> id.startsWith("000-")));
    }

    @Test
    void aSkippedFileIsReportedWithItsReasonAndTheRestIsIndexed(@TempDir Path corpus, @TempDir Path index) throws Exception {
        copyCorpus(corpus);
        Files.write(corpus.resolve("broken.pdf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.writeString(corpus.resolve("empty.txt"), "");
        IngestReport report = Fixtures.ingest(corpus, index);
        assertEquals(66, report.records());
        assertEquals(List.of("broken.pdf", "empty.txt"), report.skipped().stream().map(IngestReport.FileResult::file).toList());
        report.skipped().forEach(s -> assertFalse(s.reason().isBlank()));
        assertTrue(report.anythingRead());
    }

    @Test
    void anIdIsOneRecordEvenWhenTwoFilesClaimIt(@TempDir Path corpus, @TempDir Path index) throws Exception {
        Files.writeString(corpus.resolve("a.jsonl"), """
                {"id":"shared","title":"Lyon","text":"Lyon works on smart mobility."}
                {"id":"only-a","title":"Graz","text":"Graz works on green buildings."}
                """);
        Files.writeString(corpus.resolve("b.jsonl"), """
                {"id":"shared","title":"Lyon again","text":"A second record under the same id."}
                """);
        IngestReport report = Fixtures.ingest(corpus, index);
        assertEquals(List.of("only-a", "shared"), ids(index));
        IngestReport.FileResult b = report.results().stream().filter(r -> r.file().equals("b.jsonl")).findFirst().orElseThrow();
        assertEquals(0, b.records());
        assertTrue(b.warnings().getFirst().contains("already came from a.jsonl"), b.warnings().toString());
    }
}
