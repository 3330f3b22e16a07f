package coop.portal.ingest;

import java.nio.file.Path;

/**
 * A file of the corpus.
 *
 * @param path     where it is
 * @param relative its path relative to the corpus folder, with '/' separators: the records' {@code source}
 */
public record SourceFile(Path path, String relative) {
}
