package coop.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.index.IndexSchema;
import coop.portal.record.Record;
import coop.portal.record.RecordJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;

/** Reads records and hits back from the fields the index stores. Thread-safe. */
final class StoredRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RECORD_ONLY = Set.of(IndexSchema.RECORD);

    private StoredRecords() {
    }

    /** The whole record of a document, text included. */
    static Record record(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc);
        Record r = RecordJson.fromJson(d.getBinaryValue(IndexSchema.RECORD).utf8ToString());
        return r.toBuilder().text(d.get(IndexSchema.TEXT)).build();
    }

    /** The stored text of a document. */
    static String text(StoredFields stored, int doc) throws IOException {
        String t = stored.document(doc, Set.of(IndexSchema.TEXT)).get(IndexSchema.TEXT);
        return t == null ? "" : t;
    }

    /** A hit for a document; without a highlighted snippet, the opening of its text stands in. */
    static Hit hit(StoredFields stored, int doc, float score, String snippet) throws IOException {
        Document d = stored.document(doc, RECORD_ONLY);
        JsonNode r = JSON.readTree(d.getBinaryValue(IndexSchema.RECORD).bytes, d.getBinaryValue(IndexSchema.RECORD).offset,
                d.getBinaryValue(IndexSchema.RECORD).length);
        return new Hit(r.path("id").asText(), r.path("title").asText(), textOrNull(r, "type"),
                strings(r.path("countries")), textOrNull(r, "province"), textOrNull(r, "programme"),
                strings(r.path("clusters")), strings(r.path("places")),
                r.path("population").isNumber() ? r.path("population").longValue() : null,
                r.path("areaKm2").isNumber() ? r.path("areaKm2").doubleValue() : null,
                snippet != null ? snippet : Snippets.opening(text(stored, doc)),
                Float.isNaN(score) ? 0f : score);
    }

    private static String textOrNull(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
