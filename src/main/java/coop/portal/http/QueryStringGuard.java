package coop.portal.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not well formed before any route reads it: broken
 * percent-encoding, bytes that are not UTF-8, and control characters (NUL and the like; tab and
 * line breaks pass). Left alone, the server's decoding would drop or replace them silently and
 * answer a different question from the one asked.
 */
final class QueryStringGuard {

    private QueryStringGuard() {
    }

    static void check(Context ctx) {
        String raw = ctx.queryString();
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            if (eq >= 0) {
                decode(pair.substring(eq + 1), name);
            }
        }
    }

    /** The decoded text of a query-string part, or a 400 naming the parameter at fault. */
    private static String decode(String part, String parameter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int hi = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(part.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw refused(parameter, "invalid percent-encoding");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(parameter, "text that is not UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw refused(parameter, "a control character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ")");
            }
        }
        return text;
    }

    private static ProblemException refused(String parameter, String what) {
        String where = parameter == null ? "a parameter name" : "parameter '" + parameter + "'";
        return new ProblemException(new Problem("/problems/invalid-parameter", "Invalid parameter", 400,
                "The query string has " + what + " in " + where + ".", parameter));
    }
}
