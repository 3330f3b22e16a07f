package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.CorpusIngest;
import coop.portal.Fixtures;
import coop.portal.IngestReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.io.ByteArrayInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files are skipped with a one-line reason, or read where they are readable, and the rest is indexed. */
class BadInputTest {

    private static final List<String> GOOD = List.of("Granada is a city of Andalusia in Spain with a university.");

    @Test
    void badFilesAreSkippedWithAReasonAndEverythingElseIsIndexed(@TempDir Path corpus, @TempDir Path index) throws Exception {
        Files.writeString(corpus.resolve("good.txt"), "Granada\n\n" + GOOD.get(0));
        Files.writeString(corpus.resolve("empty.txt"), "");
        byte[] pdf = TestDocuments.pdf("Bari", List.of("Bari is the capital of the Puglia region in Southern Italy."));
        Files.write(corpus.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(corpus.resolve("noise.pdf"), noise);
        Files.write(corpus.resolve("binary.txt"), noise);
        Files.write(corpus.resolve("too-large.txt"), ("Sofia " + "word ".repeat(400_000)).getBytes());
        zipBomb(corpus.resolve("bomb.docx"));
        Path locked = corpus.resolve("locked.txt");
        Files.writeString(locked, "Larissa\n\nLarissa is the capital of the Thessaly region of Greece.");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.writeString(corpus.resolve("Städte und Regionen 北京 (2021).txt"),
                "Beijing\n\nBeijing is the capital of China and a centre of science and technology.");

        CorpusIngest ingest = new CorpusIngest(Fixtures.vocabulary(), new DocumentParser(1024 * 1024));
        IngestReport report = ingest.run(corpus, index, CorpusIngest.Progress.NONE);
        report.print(System.out);

        Map<String, String> skipped = report.skipped().stream()
                .collect(Collectors.toMap(IngestReport.FileResult::file, IngestReport.FileResult::reason));
        skipped.values().forEach(reason -> {
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("\n"), "one line: " + reason);
        });
        assertEquals("empty file", skipped.get("empty.txt"));
        assertTrue(skipped.get("noise.pdf").startsWith("not a pdf"), skipped.get("noise.pdf"));
        assertTrue(skipped.get("binary.txt").startsWith("not text"), skipped.get("binary.txt"));
        assertTrue(skipped.get("too-large.txt").startsWith("too large"), skipped.get("too-large.txt"));
        assertTrue(skipped.get("bomb.docx").startsWith("rejected as a zip bomb"), skipped.get("bomb.docx"));
        // A truncated PDF may still be partly readable; if not, it is skipped with its reason.
        assertTrue(skipped.containsKey("truncated.pdf") || read(report, "truncated.pdf"));
        // Root reads files without permissions; anyone else gets the reason.
        boolean root = "root".equals(System.getProperty("user.name"));
        assertTrue(root ? read(report, "locked.txt") : skipped.get("locked.txt").contains("permission denied"),
                String.valueOf(skipped.get("locked.txt")));
        assertTrue(read(report, "good.txt"));
        assertTrue(read(report, "Städte und Regionen 北京 (2021).txt"));
        assertTrue(report.anythingRead());
    }

    private static boolean read(IngestReport report, String file) {
        return report.results().stream().anyMatch(r -> r.file().equals(file) && r.reason() == null && r.records() > 0);
    }

    /** A real DOCX whose document part is swapped for one that inflates a thousandfold: 100 MB from about 100 kB. */
    private static void zipBomb(Path file) throws IOException {
        byte[] real = TestDocuments.docx("Bomb", List.of("A small document."));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real));
             OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("word/document.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                            + "openxmlformats.org/wordprocessingml/2006/main\"><w:body>").getBytes());
                    byte[] chunk = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>".repeat(1000).getBytes();
                    for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                        zip.write(chunk);
                    }
                    zip.write("</w:body></w:document>".getBytes());
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }
}
