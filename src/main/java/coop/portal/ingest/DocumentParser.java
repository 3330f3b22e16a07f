package coop.portal.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one file into a {@link ParsedDocument}: HTML through Jsoup, PDF and office files through
 * Tika, plain text through a charset-detecting decoder. Files over the size limit, empty or
 * unreadable files and files whose parsing runs past the time limit are refused with a reason.
 *
 * <p>Thread-safe.
 */
public final class DocumentParser {

    /** Default largest file read, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private static final Set<String> HTML = Set.of("html", "htm", "xhtml", "shtml");
    private static final Set<String> TEXT = Set.of("txt", "text", "md", "markdown");
    private static final long PARSE_SECONDS = 120;

    private final long maxBytes;
    /** Made on first use: loading Tika's parsers takes longer than reading a corpus of text and JSON. */
    private volatile TikaExtractor tika;
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "document-parser");
        t.setDaemon(true);
        return t;
    });

    public DocumentParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DocumentParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ParsedDocument parse(Path file) throws UnreadableDocumentException {
        byte[] bytes = read(file);
        String ext = extension(file);
        if (HTML.contains(ext)) {
            try {
                return HtmlExtractor.extract(bytes, "html");
            } catch (IOException e) {
                throw new UnreadableDocumentException("unreadable HTML: " + TikaExtractor.oneLine(e), e);
            }
        }
        if (TEXT.contains(ext) || (!isKnownBinary(ext) && looksLikeText(bytes))) {
            return ParsedDocument.ofText(TextDecoder.decode(bytes), "text");
        }
        if (ZipGuard.isZip(bytes)) {
            ZipGuard.check(bytes);
        }
        TikaExtractor extractor = tika();
        return withTimeLimit(() -> extractor.extract(bytes, ext.isEmpty() ? "file" : ext));
    }

    private TikaExtractor tika() {
        TikaExtractor t = tika;
        if (t == null) {
            synchronized (this) {
                if (tika == null) {
                    tika = new TikaExtractor();
                }
                t = tika;
            }
        }
        return t;
    }

    private byte[] read(Path file) throws UnreadableDocumentException {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new UnreadableDocumentException("empty file");
            }
            if (size > maxBytes) {
                throw new UnreadableDocumentException(String.format(Locale.ROOT,
                        "too large: %,d bytes, the limit is %,d", size, maxBytes));
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new UnreadableDocumentException("cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("cannot be read: " + TikaExtractor.oneLine(e), e);
        }
    }

    private interface Extraction {
        ParsedDocument run() throws UnreadableDocumentException;
    }

    /** Runs a parse that a malicious or broken file could keep busy, and gives up after a while. */
    private ParsedDocument withTimeLimit(Extraction extraction) throws UnreadableDocumentException {
        Future<ParsedDocument> future = parsing.submit(extraction::run);
        try {
            return future.get(PARSE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UnreadableDocumentException("parsing took longer than " + PARSE_SECONDS + " s, given up");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableDocumentException u) {
                throw u;
            }
            throw new UnreadableDocumentException("cannot be parsed: " + TikaExtractor.oneLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("interrupted");
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isKnownBinary(String ext) {
        return Set.of("pdf", "doc", "docx", "odt", "rtf", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "epub", "zip")
                .contains(ext);
    }

    /** No NUL bytes in the first kilobytes: a file with an unknown extension is read as text. */
    private static boolean looksLikeText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
