package coop.portal.ingest;

import java.nio.file.Path;

/**
 * A file of the corpus.
 *
 * @param path     where it is
 * @param relative its path relative to the corpus folder, with '/' separators: the records' {@code source}
 * @param key      the readable, stable key its record ids start with: the relative path without
 *                 its extension, unless another file of the folder has the same name before the extension
 */
public record SourceFile(Path path, String relative, String key) {

    /** A file whose name no other file of its folder shares. */
    public SourceFile(Path path, String relative) {
        this(path, relative, Slugs.slug(relative.replaceFirst("\\.[^./]+$", "")));
    }
}
