package coop.portal.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.index.IndexSchema;
import coop.portal.record.Record;
import coop.portal.record.RecordJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Reads records and hits back from the index: the record's JSON from doc values, its text from
 * the stored field through the {@link TextCache}.
 *
 * <p>Thread-safe.
 */
final class StoredRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextCache texts;

    StoredRecords(TextCache texts) {
        this.texts = texts;
    }

    /** The whole record of a document, text included. */
    Record record(IndexReader reader, int doc) throws IOException {
        Record r = RecordJson.fromJson(JSON.readTree(json(reader, doc).utf8ToString()));
        return r.toBuilder().text(text(reader, doc)).build();
    }

    /** The stored text of a document. */
    String text(IndexReader reader, int doc) throws IOException {
        return texts.text(reader, doc);
    }

    /** A hit for a document; without a highlighted snippet, the opening of its text stands in. */
    Hit hit(IndexReader reader, int doc, float score, String snippet) throws IOException {
        BytesRef b = json(reader, doc);
        String id = null;
        String title = null;
        String type = null;
        String province = null;
        String programme = null;
        List<String> countries = List.of();
        List<String> clusters = List.of();
        List<String> places = List.of();
        Long population = null;
        Double area = null;
        // A streaming read of the few fields a hit shows: ten per search, so no tree is built.
        try (JsonParser p = JSON.getFactory().createParser(b.bytes, b.offset, b.length)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> id = p.getValueAsString();
                    case "title" -> title = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "province" -> province = p.getValueAsString();
                    case "programme" -> programme = p.getValueAsString();
                    case "countries" -> countries = strings(p);
                    case "clusters" -> clusters = strings(p);
                    case "places" -> places = strings(p);
                    case "population" -> population = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "areaKm2" -> area = value == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
                    default -> p.skipChildren();
                }
            }
        }
        return new Hit(id, title == null ? "" : title, type, countries, province, programme, clusters, places,
                population, area, snippet != null ? snippet : Snippets.opening(text(reader, doc)),
                Float.isNaN(score) ? 0f : score);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getValueAsString());
        }
        return out;
    }

    private static BytesRef json(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), IndexSchema.RECORD);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("record " + doc + " has no JSON");
        }
        return values.binaryValue();
    }
}
