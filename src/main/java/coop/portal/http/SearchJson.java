package coop.portal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import coop.portal.search.FacetValue;
import coop.portal.search.Hit;
import coop.portal.search.RangeCount;
import coop.portal.search.SearchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a search result as the API's JSON, field by field with a streaming generator: the
 * shape partner sites code against.
 */
final class SearchJson {

    private SearchJson() {
    }

    static byte[] write(SearchResult r, String query) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("query", query);
            g.writeNumberField("total", r.total());
            g.writeNumberField("page", r.page());
            g.writeNumberField("size", r.size());
            g.writeStringField("sort", r.sort().label());
            g.writeStringField("suggestion", r.suggestion());
            g.writeArrayFieldStart("hits");
            for (Hit h : r.hits()) {
                hit(g, h);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("facets");
            for (Map.Entry<String, List<FacetValue>> e : r.facets().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (FacetValue v : e.getValue()) {
                    facetValue(g, v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("ranges");
            for (Map.Entry<String, List<RangeCount>> e : r.ranges().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (RangeCount c : e.getValue()) {
                    rangeCount(g, c);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void rangeCount(JsonGenerator g, RangeCount c) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", c.label());
        nullableNumber(g, "min", c.min());
        nullableNumber(g, "max", c.max());
        g.writeNumberField("count", c.count());
        g.writeBooleanField("selected", c.selected());
        g.writeEndObject();
    }

    /** One hit as an object; partner lists reuse it and add their reasons inside. */
    static void hit(JsonGenerator g, Hit h) throws IOException {
        g.writeStartObject();
        hitFields(g, h);
        g.writeEndObject();
    }

    static void hitFields(JsonGenerator g, Hit h) throws IOException {
        g.writeStringField("id", h.id());
        g.writeStringField("title", h.title());
        g.writeStringField("type", h.type());
        strings(g, "countries", h.countries());
        g.writeStringField("province", h.province());
        g.writeStringField("programme", h.programme());
        strings(g, "clusters", h.clusters());
        strings(g, "places", h.places());
        nullableNumber(g, "population", h.population());
        if (h.areaKm2() == null) {
            g.writeNullField("areaKm2");
        } else {
            g.writeNumberField("areaKm2", h.areaKm2());
        }
        g.writeStringField("snippet", h.snippet());
        g.writeNumberField("score", h.score());
    }

    private static void nullableNumber(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void facetValue(JsonGenerator g, FacetValue v) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", v.value());
        g.writeNumberField("count", v.count());
        g.writeBooleanField("selected", v.selected());
        if (!v.children().isEmpty()) {
            g.writeArrayFieldStart("children");
            for (FacetValue c : v.children()) {
                facetValue(g, c);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
