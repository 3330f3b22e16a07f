package coop.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fuzz input as the query parameters of a search: the first line is {@code q}, each
 * further line is {@code name=value}, and a name may repeat. A text format rather than raw
 * bytes, so that seeds and the inputs that once broke a search can be read and written by hand.
 */
public final class ParameterLines {

    private ParameterLines() {
    }

    public static Map<String, List<String>> read(byte[] input) {
        // Invalid UTF-8 becomes U+FFFD, as a web server decodes a bad query string.
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.computeIfAbsent("q", k -> new ArrayList<>()).add(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                params.computeIfAbsent(lines[i].substring(0, eq), k -> new ArrayList<>()).add(lines[i].substring(eq + 1));
            }
        }
        return params;
    }
}
