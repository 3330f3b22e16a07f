package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import coop.portal.Fixtures;
import coop.portal.record.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes, read as a text, HTML or JSON Lines file the way the corpus ingest reads them,
 * become records (with warnings about what was skipped) or a one-line reason the file cannot be
 * read: never another exception. Every record has an id and a title, no two records of a file
 * share an id, and the text of a document holds no control characters but line breaks and tabs.
 *
 * <p>The regression inputs and seeds are in
 * {@code src/test/resources/coop/portal/ingest/RecordSplittingFuzzTestInputs/}, one folder per format.
 */
class RecordSplittingFuzzTest {

    @TempDir
    static Path corpus;
    private static Ingester ingester;

    @BeforeAll
    static void setUp() {
        ingester = new Ingester(Fixtures.vocabulary(), new DocumentParser());
    }

    @FuzzTest
    void textFile(byte[] input) throws Exception {
        checkDocument(read("document.txt", input));
    }

    @FuzzTest
    void htmlFile(byte[] input) throws Exception {
        checkDocument(read("page.html", input));
    }

    @FuzzTest
    void jsonLinesFile(byte[] input) throws Exception {
        read("records.jsonl", input);
    }

    /** Ingests the bytes as a file of this name; the records it made, all checked but for their text. */
    private static List<Record> read(String name, byte[] input) throws Exception {
        Path file = corpus.resolve(name);
        Files.write(file, input);
        List<Record> records = new ArrayList<>();
        try {
            List<String> warnings = ingester.read(new SourceFile(file, name), records::add);
            assertFalse(records.isEmpty(), "a file that is read gives records");
            warnings.forEach(RecordSplittingFuzzTest::assertOneLine);
        } catch (UnreadableDocumentException e) {
            assertOneLine(e.getMessage());
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        for (Record r : records) {
            assertFalse(r.id().isBlank(), "every record has an id");
            assertFalse(r.title().isBlank(), "every record has a title: " + r.id());
            assertTrue(ids.add(r.id()), "ids are unique within a file: " + r.id());
        }
        return records;
    }

    private static void checkDocument(List<Record> records) {
        for (Record r : records) {
            for (String part : List.of(r.title(), r.text())) {
                int control = firstControl(part);
                assertEquals(-1, control, () -> "control character U+%04X in the %s of %s"
                        .formatted((int) part.charAt(control), part == r.title() ? "title" : "text", r.id()));
            }
        }
    }

    /** Where the first control character other than a line break or tab is, or -1. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static void assertOneLine(String message) {
        assertNotNull(message);
        assertFalse(message.isBlank(), "a reason is given");
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }
}
