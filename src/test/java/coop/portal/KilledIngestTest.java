package coop.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.search.SearchRequest;
import coop.portal.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed with SIGKILL at random moments leaves the previous index searchable and
 * complete, and the next ingest completes. The ingest runs as its own process, `portal ingest`,
 * as it does in production.
 */
class KilledIngestTest {

    private static final int EXTRA_RECORDS = 40_000;

    private static Process ingest(Path corpus, Path index) throws Exception {
        return new ProcessBuilder(PortalProcess.command("ingest", "--corpus", corpus.toString(), "--index", index.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int count(Path index) throws Exception {
        try (Searcher s = Searcher.open(index, Fixtures.vocabulary())) {
            assertTrue(s.search(SearchRequest.of("dairy")).total() >= 1, "the index answers searches");
            return s.count();
        }
    }

    @Test
    void aKilledIngestLeavesThePreviousIndexWholeAndTheNextOneCompletes(@TempDir Path corpus, @TempDir Path index)
            throws Exception {
        for (Path f : Files.list(Fixtures.CORPUS).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
        }
        assertEquals(66, Fixtures.ingest(corpus, index).records());
        Corpora.writeRecords(corpus.resolve("extra.jsonl"), EXTRA_RECORDS);

        Random random = new Random(20261124);
        List<Long> killedAfter = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Process p = ingest(corpus, index);
            long wait = 300 + random.nextInt(2500);
            if (p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                break; // finished before the kill: nothing left to interrupt
            }
            p.destroyForcibly().waitFor();
            killedAfter.add(wait);
            int records = count(index);
            assertEquals(66, records, "after a kill at " + wait + " ms the index holds the previous complete set");
        }
        assertTrue(!killedAfter.isEmpty(), "at least one ingest was killed midway");

        Process last = ingest(corpus, index);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue());
        assertEquals(66 + EXTRA_RECORDS, count(index), "the next ingest completes: old and new records, no mix");
    }
}
