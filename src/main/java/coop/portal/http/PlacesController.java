package coop.portal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import coop.portal.vocab.Country;
import coop.portal.vocab.Place;
import coop.portal.vocab.Vocabulary;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /api/places}: the places of the gazetteer with their coordinates and the side of the
 * partnership their country is on, for maps; provinces are left out, since records name them as
 * regions of a place rather than as places.
 */
final class PlacesController {

    private final byte[] body;

    PlacesController(Vocabulary vocabulary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("places");
            for (Place p : vocabulary.gazetteer().places()) {
                if (p.isProvince()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("kind", p.kind());
                g.writeStringField("country", p.country());
                g.writeStringField("side", vocabulary.gazetteer().country(p.country()).map(Country::side).orElse("other"));
                g.writeStringField("province", p.province());
                g.writeNumberField("lat", p.lat());
                g.writeNumberField("lon", p.lon());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        this.body = out.toByteArray();
    }

    void places(Context ctx) {
        ctx.contentType("application/json").result(body);
    }
}
