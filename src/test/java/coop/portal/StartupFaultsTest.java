package coop.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that meets a bad index folder at start-up ({@code serve}, {@code ingest},
 * {@code export}) says what is wrong in one line on stderr, starting {@code error:}, exits
 * non-zero, and leaves the folder as it found it. Every command runs as a process of its own,
 * as in production.
 *
 * <p>Two faults need the operating system's help, and are skipped, saying why, where it is not
 * given: an unreadable folder, when the tests run as root (root reads any folder; the command
 * then runs without the capabilities that let it, through util-linux's {@code setpriv}), and a
 * full disk (a tiny tmpfs, mounted in a user and mount namespace of its own through
 * {@code unshare}).
 */
class StartupFaultsTest {

    private static final List<String> COMMANDS = List.of("serve", "ingest", "export");
    private static final int SECONDS = 120;

    @TempDir
    static Path shared;
    private static Path pristine;
    private static Set<String> pristineIds;

    @BeforeAll
    static void ingestTheFoundingCorpus() throws Exception {
        pristine = shared.resolve("index");
        Fixtures.ingest(Fixtures.CORPUS, pristine);
        pristineIds = IndexCheck.ids(pristine);
        assertEquals(66, pristineIds.size());
    }

    @Test
    void anIndexPathThatIsAFileIsRefused(@TempDir Path work) throws Exception {
        Path file = work.resolve("index");
        Files.writeString(file, "not an index");
        for (String command : COMMANDS) {
            assertOneLineError(run(command, file, work), "is a file, not an index folder");
            assertEquals("not an index", Files.readString(file), command + " leaves the file alone");
        }
    }

    @Test
    void garbageInTheCommitFileIsReportedAsDamage(@TempDir Path work) throws Exception {
        Path index = copyOfPristine(work);
        Path commit = onlyFile(index, "segments_");
        Files.write(commit, "garbage where the commit should be".repeat(20).getBytes());
        assertEachCommandRefusesAndLeavesItAlone(index, work, commit.getFileName() + " is damaged");
    }

    @Test
    void aTruncatedSegmentFileIsReportedAsDamage(@TempDir Path work) throws Exception {
        Path index = copyOfPristine(work);
        Path segment = onlyFile(index, "_0.cfs");
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEachCommandRefusesAndLeavesItAlone(index, work, "_0.cfs is damaged");
    }

    @Test
    void anUnreadableIndexFolderIsRefusedAndStaysWhole(@TempDir Path work) throws Exception {
        List<String> withoutRootsPrivilege = SystemTools.asUserWhoObeysPermissions();
        Path index = copyOfPristine(work);
        TreeMap<String, String> before = IndexCheck.snapshot(index);
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("---------"));
        try {
            for (String command : COMMANDS) {
                List<String> line = new ArrayList<>(withoutRootsPrivilege);
                line.addAll(commandLine(command, index, work));
                assertOneLineError(PortalProcess.run(line, SECONDS), "permission denied");
            }
        } finally {
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(before, IndexCheck.snapshot(index), "no file of the index changed");
        IndexCheck.assertSound(index);
        assertEquals(pristineIds, IndexCheck.ids(index));
    }

    @Test
    void aFullDiskWhileIngestingKeepsThePreviousIndex(@TempDir Path work) throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        copyFoundingCorpus(corpus);
        Path bigger = Files.createDirectories(work.resolve("bigger"));
        copyFoundingCorpus(bigger);
        Corpora.writeRecords(bigger.resolve("extra.jsonl"), 20_000);

        SystemTools.FullDiskRun run = SystemTools.ingestOntoASmallDisk(work, corpus, bigger, 3);
        assertEquals(0, run.first().exit(), "the first ingest fits: " + run.first().stderr());
        assertNotEquals(0, run.second().exit(), "the second ingest cannot fit");
        assertOneLineError(run.second(), "No space left on device");
        Path after = run.indexAfter();
        IndexCheck.assertSound(after);
        assertEquals(pristineIds, IndexCheck.ids(after), "the index holds the records of the first ingest");
        assertEquals(Set.of(), IndexCheck.unusedFiles(after), "no half-written segment is left to fill the disk");
    }

    private static void assertEachCommandRefusesAndLeavesItAlone(Path index, Path work, String reason) throws Exception {
        TreeMap<String, String> before = IndexCheck.snapshot(index);
        for (String command : COMMANDS) {
            assertOneLineError(run(command, index, work), reason);
            assertEquals(before, IndexCheck.snapshot(index), command + " changes no file of the index");
        }
    }

    private static PortalProcess.Result run(String command, Path index, Path work) throws Exception {
        return PortalProcess.run(commandLine(command, index, work), SECONDS);
    }

    /** The command on this index; serve on port 0 and with an empty corpus, so that it would only serve. */
    private static List<String> commandLine(String command, Path index, Path work) throws IOException {
        Path corpus = Files.createDirectories(work.resolve("empty-corpus"));
        return switch (command) {
            case "serve" -> PortalProcess.command("serve", "--port", "0", "--index", index.toString(), "--corpus", corpus.toString());
            case "ingest" -> PortalProcess.command("ingest", "--index", index.toString(), "--corpus", Fixtures.CORPUS.toString());
            default -> PortalProcess.command(command, "--index", index.toString());
        };
    }

    private static void assertOneLineError(PortalProcess.Result result, String reason) {
        String shown = String.join("\n", result.stderr());
        assertNotEquals(0, result.exit(), "a non-zero exit");
        assertEquals(1, result.stderr().size(), "one line on stderr, not:\n" + shown);
        assertTrue(shown.startsWith("error: ") && shown.contains(reason), "says what is wrong (" + reason + "): " + shown);
    }

    private static Path copyOfPristine(Path work) throws IOException {
        Path index = Files.createDirectories(work.resolve("index"));
        try (Stream<Path> files = Files.list(pristine)) {
            for (Path f : files.toList()) {
                Files.copy(f, index.resolve(f.getFileName()));
            }
        }
        return index;
    }

    private static Path onlyFile(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).reduce((a, b) -> {
                throw new IllegalStateException("two files start " + prefix);
            }).orElseThrow();
        }
    }

    private static void copyFoundingCorpus(Path to) throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.CORPUS)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
