package coop.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** What a test may ask of an index folder after a fault: is it sound, which records it holds, has it changed. */
public final class IndexCheck {

    private IndexCheck() {
    }

    /** Fails unless Lucene's CheckIndex, reading every file of every segment, finds the index sound. */
    public static void assertSound(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex finds " + index + " sound");
        }
    }

    /** The ids of the records a searcher opened on the index sees. */
    public static Set<String> ids(Path index) throws IOException {
        Set<String> ids = new HashSet<>();
        try (Searcher s = Searcher.open(index, Fixtures.vocabulary())) {
            s.export(r -> ids.add(r.id()));
        }
        return ids;
    }

    /** Files of the folder that its last commit does not use, such as segments a failed ingest left half written. */
    public static Set<String> unusedFiles(Path index) throws IOException {
        Set<String> unused = new TreeSet<>();
        try (Directory dir = FSDirectory.open(index)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
            Set<String> used = new HashSet<>(commit.files(true));
            for (String file : dir.listAll()) {
                if (!used.contains(file) && !file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    unused.add(file);
                }
            }
        }
        return unused;
    }

    /** Every file of a folder with a digest of its bytes, to tell whether anything in it changed. */
    public static TreeMap<String, String> snapshot(Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path f : paths.toList()) {
                files.put(f.getFileName().toString(), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(f))));
            }
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
