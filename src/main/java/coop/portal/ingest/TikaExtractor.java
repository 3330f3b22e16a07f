package coop.portal.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.xml.sax.SAXException;

/**
 * Reads PDF and office files (DOCX, DOC, ODT, RTF...) with Tika. Tika writes XHTML, which is read
 * into paragraphs the same way as a web page. Tika's own guards stop zip bombs and deeply nested
 * documents; the text is capped at {@link #MAX_CHARS} characters.
 *
 * <p>Thread-safe: the parser is stateless and each call has its own handler.
 */
final class TikaExtractor {

    static final int MAX_CHARS = 5_000_000;

    private final AutoDetectParser parser = new AutoDetectParser();

    ParsedDocument extract(byte[] bytes, String format) throws UnreadableDocumentException {
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        WriteOutContentHandler limited = new WriteOutContentHandler(xhtml, MAX_CHARS);
        Metadata metadata = new Metadata();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, limited, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException("encrypted " + format + ", no password", e);
        } catch (ZeroByteFileException e) {
            throw new UnreadableDocumentException("empty file", e);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new UnreadableDocumentException("corrupt " + format + ": " + oneLine(e), e);
            }
            // Keep what was read: the first MAX_CHARS characters are better than nothing.
        } catch (TikaException | IOException | RuntimeException e) {
            throw new UnreadableDocumentException(reason(e, format), e);
        }
        String detected = metadata.get(Metadata.CONTENT_TYPE);
        if (detected == null || detected.startsWith("application/octet-stream")) {
            throw new UnreadableDocumentException("not a " + format + ": its content is of no known document type");
        }
        String text = HtmlText.paragraphs(Jsoup.parse(xhtml.toString()).body());
        String title = metadata.get(TikaCoreProperties.TITLE);
        String language = metadata.get(TikaCoreProperties.LANGUAGE);
        // A file's creation time says when it was saved, not when it was published: no date from it.
        return new ParsedDocument(title == null || title.isBlank() ? null : title.strip(), text, format,
                language, null, null);
    }

    private static String reason(Throwable e, String format) {
        String message = oneLine(e);
        if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
            return "rejected as a zip bomb (" + message + ")";
        }
        return "corrupt or unsupported " + format + ": " + message;
    }

    /** The innermost useful message of an exception chain, on one line. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }
}
