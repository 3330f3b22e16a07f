package coop.portal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON writer of every answer. Besides JSON's own escapes it writes {@code <}, {@code >},
 * {@code &} and {@code '} as {@code \\u} escapes, so that no text a request or a document
 * carries appears as markup in a response, even if something read it as HTML.
 */
final class Json {

    static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new HtmlSafe());
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafe() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Only the standard escapes are used.
            return null;
        }
    }
}
