package coop.portal.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** What the last commit of an index folder says about it, read without opening a writer. */
public record IndexState(Instant committed, String schemaVersion, int records) {

    /**
     * The state of the index in a folder, or empty if the folder holds no index.
     *
     * @throws IOException if the folder holds an index that cannot be read, saying why
     */
    public static Optional<IndexState> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                String at = data.get(RecordIndexer.COMMITTED_AT);
                return Optional.of(new IndexState(at == null ? Instant.EPOCH : Instant.parse(at),
                        data.get(RecordIndexer.SCHEMA_VERSION), reader.numDocs()));
            }
        } catch (IOException e) {
            throw IndexFolder.unusable(dir, e);
        }
    }

    /** True if the index was written by this version of the schema. */
    public boolean current() {
        return IndexSchema.VERSION.equals(schemaVersion);
    }
}
