package coop.portal.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a record, as served by {@code /api/documents/{id}} and {@code /api/export}
 * and read back from JSON Lines. Reading is lenient about the shapes other tools write:
 * {@code body} for {@code text}, {@code doc_type} for {@code type}, and {@code cluster},
 * {@code country} or {@code place} as a single value or a list.
 *
 * <p>Thread-safe.
 */
public final class RecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {
    }

    public static ObjectNode toJson(Record r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("type", r.type());
        strings(o.putArray("countries"), r.countries());
        o.put("province", r.province());
        o.put("programme", r.programme());
        o.put("period", r.period());
        strings(o.putArray("clusters"), r.clusters());
        ArrayNode details = o.putArray("clusterDetails");
        for (ClusterTag c : r.clusterDetails()) {
            ObjectNode d = details.addObject();
            d.put("name", c.name());
            d.put("group", c.group());
            d.put("source", c.source().label());
            strings(d.putArray("evidence"), c.evidence());
        }
        o.put("population", r.population());
        o.put("areaKm2", r.areaKm2());
        strings(o.putArray("places"), r.places());
        o.put("source", r.source());
        o.put("url", r.url());
        o.put("date", r.date());
        o.put("language", r.language());
        o.put("text", r.text());
        return o;
    }

    public static String toJsonLine(Record r) {
        return toJson(r).toString();
    }

    /** The record's JSON as UTF-8 bytes, written straight from its fields. */
    public static byte[] toJsonBytes(Record r) {
        try {
            return MAPPER.writeValueAsBytes(toJson(r));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void write(Record r, JsonGenerator out) throws IOException {
        MAPPER.writeTree(out, toJson(r));
    }

    /**
     * Reads a record from a JSON object.
     *
     * @throws IllegalArgumentException if the object has no usable {@code id}
     */
    public static Record fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(o, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("missing \"id\"");
        }
        String body = text(o, "text");
        return Record.builder(id.strip())
                .title(text(o, "title"))
                .type(text(o, "type") != null ? text(o, "type") : text(o, "doc_type"))
                .countries(list(o, "countries", "country"))
                .province(text(o, "province"))
                .programme(text(o, "programme"))
                .period(text(o, "period"))
                .clusterDetails(clusters(o))
                .population(number(o, "population") == null ? null : number(o, "population").longValue())
                .areaKm2(number(o, "areaKm2") == null ? null : number(o, "areaKm2").doubleValue())
                .places(list(o, "places", "place"))
                .source(text(o, "source"))
                .url(text(o, "url"))
                .date(text(o, "date"))
                .language(text(o, "language"))
                .text(body != null ? body : text(o, "body"))
                .build();
    }

    public static Record fromJson(String json) throws IOException {
        return fromJson(MAPPER.readTree(json));
    }

    private static List<ClusterTag> clusters(JsonNode o) {
        List<ClusterTag> tags = new ArrayList<>();
        JsonNode details = o.get("clusterDetails");
        if (details != null && details.isArray() && !details.isEmpty()) {
            for (JsonNode d : details) {
                String name = text(d, "name");
                if (name == null || name.isBlank()) {
                    continue;
                }
                String source = text(d, "source");
                ClusterTag.Source s = "inferred".equalsIgnoreCase(source)
                        ? ClusterTag.Source.INFERRED : ClusterTag.Source.STATED;
                tags.add(new ClusterTag(name, text(d, "group"), s, list(d, "evidence", "evidence")));
            }
            return tags;
        }
        for (String name : list(o, "clusters", "cluster")) {
            tags.add(ClusterTag.stated(name, null));
        }
        return tags;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static Number number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.asText().replace(",", "").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + field + "\" is not a number: " + v.asText());
            }
        }
        throw new IllegalArgumentException("\"" + field + "\" is not a number");
    }

    /** A list under {@code plural}, or a single value or list under {@code singular}. */
    private static List<String> list(JsonNode o, String plural, String singular) {
        JsonNode v = o.has(plural) ? o.get(plural) : o.get(singular);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
                    out.add(e.asText().strip());
                }
            }
        } else if (v.isValueNode() && !v.asText().isBlank()) {
            out.add(v.asText().strip());
        }
        return out;
    }

}
