package coop.portal.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * Decodes plain text: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * otherwise the encoding Tika's detectors find, so that legacy Chinese files in GBK or GB18030
 * read right. GBK and GB2312 are read as GB18030, which contains both.
 */
final class TextDecoder {

    private static final EncodingDetector DETECTOR = new CompositeEncodingDetector(
            List.of(new UniversalEncodingDetector(), new Icu4jEncodingDetector()));

    private TextDecoder() {
    }

    static String decode(byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            Charset charset = detect(bytes);
            String text = new String(bytes, charset);
            if (looksBinary(text)) {
                throw new UnreadableDocumentException("not text: binary content that no encoding decodes");
            }
            return text;
        }
    }

    private static Charset detect(byte[] bytes) throws UnreadableDocumentException {
        try {
            Charset c = DETECTOR.detect(new ByteArrayInputStream(bytes), new Metadata());
            if (c == null) {
                throw new UnreadableDocumentException("not text: no encoding could be detected");
            }
            String name = c.name().toUpperCase(java.util.Locale.ROOT);
            return name.equals("GBK") || name.equals("GB2312") || name.equals("X-GBK") ? Charset.forName("GB18030") : c;
        } catch (IOException e) {
            throw new UnreadableDocumentException("not text: " + e.getMessage(), e);
        }
    }

    /** Control characters other than line breaks and tabs are rare in text and common in binary files. */
    static boolean looksBinary(String text) {
        long control = text.chars().filter(ch -> ch == 0 || (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f')
                || ch == 0xfffd).count();
        return control > Math.max(8, text.length() / 50);
    }
}
