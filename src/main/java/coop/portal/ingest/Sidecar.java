package coop.portal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata set by hand next to a document, in {@code <file>.meta.json}: any of {@code title},
 * {@code type}, {@code programme}, {@code period}, {@code countries} (or {@code country}),
 * {@code province}, {@code url}, {@code date} and {@code language}. What it sets overrides what
 * ingest would detect; title and type apply only to a document that makes one record.
 */
record Sidecar(String title, String type, String programme, String period, List<String> countries,
               String province, String url, String date, String language) {

    static final Sidecar NONE = new Sidecar(null, null, null, null, List.of(), null, null, null, null);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The sidecar of a document, or {@link #NONE} if it has none. */
    static Sidecar of(Path document) throws UnreadableDocumentException {
        Path file = CorpusWalker.sidecarOf(document);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnreadableDocumentException("invalid sidecar " + file.getFileName() + ": " + TikaExtractor.oneLine(e), e);
        }
        if (o == null || !o.isObject()) {
            throw new UnreadableDocumentException("invalid sidecar " + file.getFileName() + ": not a JSON object");
        }
        List<String> countries = new ArrayList<>();
        JsonNode c = o.has("countries") ? o.get("countries") : o.get("country");
        if (c != null && c.isArray()) {
            c.forEach(v -> countries.add(v.asText()));
        } else if (c != null && c.isTextual()) {
            countries.add(c.asText());
        }
        return new Sidecar(text(o, "title"), text(o, "type"), text(o, "programme"), text(o, "period"), countries,
                text(o, "province"), text(o, "url"), text(o, "date"), text(o, "language"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
