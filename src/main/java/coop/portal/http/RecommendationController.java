package coop.portal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import coop.portal.search.Hit;
import coop.portal.search.Partner;
import coop.portal.search.Searcher;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/documents/{id}/similar} and {@code GET /api/documents/{id}/partners}: records
 * like this one, and partner candidates on the other side of the partnership with their reasons.
 */
final class RecommendationController {

    private static final int DEFAULT_SIZE = 10;
    private static final int MAX_SIZE = 50;

    private final Searcher searcher;

    RecommendationController(Searcher searcher) {
        this.searcher = searcher;
    }

    void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        List<Hit> hits = searcher.similar(id, size(ctx)).orElseThrow(() -> notFound(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeArrayFieldStart("hits");
            for (Hit h : hits) {
                SearchJson.hit(g, h);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }

    void partners(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        List<Partner> partners = searcher.partners(id, size(ctx)).orElseThrow(() -> notFound(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeArrayFieldStart("partners");
            for (Partner p : partners) {
                g.writeStartObject();
                SearchJson.hitFields(g, p.hit());
                g.writeObjectFieldStart("reasons");
                SearchJson.strings(g, "sharedClusters", p.sharedClusters());
                SearchJson.strings(g, "sharedTerms", p.sharedTerms());
                SearchJson.strings(g, "profile", p.profile());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }

    private static int size(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        for (String name : params.keySet()) {
            if (!name.equals("size")) {
                throw new ProblemException(Problem.badParameter(name, "unknown parameter '" + name + "'"));
            }
        }
        int size = SearchParams.integer(params, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(Problem.badParameter("size", "size must be between 1 and " + MAX_SIZE));
        }
        return size;
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.notFound("No record with id '" + id + "'"));
    }
}
