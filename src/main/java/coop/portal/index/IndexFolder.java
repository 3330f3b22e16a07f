package coop.portal.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Says why an index folder cannot be used, in words a user can act on. Lucene's own messages
 * speak of codec headers and footers, and to Lucene a garbled commit file reads as an index from
 * an unsupported release; what the user needs to know is which file is damaged and that the
 * index can be rebuilt from the corpus.
 */
public final class IndexFolder {

    private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");
    private static final String REBUILD = "; delete the folder and run the ingest again to rebuild it";

    private IndexFolder() {
    }

    /** Fails if the path is a file: a folder, or nothing yet, is where an index can be. */
    public static void requireFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " is a file, not an index folder");
        }
    }

    /**
     * The failure to open or read the index in a folder, explained: a damaged or foreign file,
     * a missing file or a permission. Failures of any other kind are returned as they are.
     */
    public static IOException unusable(Path dir, IOException e) {
        String cannot = "the index in " + dir + " cannot be read: ";
        return switch (e) {
            case CorruptIndexException c ->
                new IOException(cannot + file(c.getResourceDescription()) + " is damaged (" + c.getOriginalMessage() + ")" + REBUILD, e);
            case IndexFormatTooOldException old ->
                new IOException(cannot + file(old.getResourceDescription()) + " is damaged or from an older Lucene" + REBUILD, e);
            case IndexFormatTooNewException recent ->
                new IOException(cannot + file(recent.getResourceDescription()) + " is damaged or from a newer Lucene" + REBUILD, e);
            case EOFException eof -> new IOException(cannot + "a file ends early (" + eof.getMessage() + ")" + REBUILD, e);
            case NoSuchFileException missing -> new IOException(cannot + "a file is missing (" + missing.getFile() + ")" + REBUILD, e);
            case AccessDeniedException denied -> new IOException(cannot + "permission denied (" + denied.getFile() + ")", e);
            default -> e;
        };
    }

    /** The name of the file a Lucene resource description is about, else the description. */
    private static String file(String resource) {
        Matcher m = RESOURCE_PATH.matcher(resource == null ? "" : resource);
        return m.find() ? Path.of(m.group(1)).getFileName().toString() : String.valueOf(resource);
    }
}
