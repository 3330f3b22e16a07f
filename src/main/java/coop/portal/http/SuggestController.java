package coop.portal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import coop.portal.search.Searcher;
import coop.portal.search.Suggestion;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code GET /api/suggest?q=}: completions of places, titles and clusters as the user types. */
final class SuggestController {

    private static final int DEFAULT_SIZE = 8;
    private static final int MAX_SIZE = 20;
    private static final int MAX_TYPED = 100;

    private final Searcher searcher;

    SuggestController(Searcher searcher) {
        this.searcher = searcher;
    }

    void suggest(Context ctx) throws IOException {
        Map<String, List<String>> params = ctx.queryParamMap();
        for (String name : params.keySet()) {
            if (!name.equals("q") && !name.equals("size")) {
                throw new ProblemException(Problem.badParameter(name, "unknown parameter '" + name + "'"));
            }
        }
        String typed = SearchParams.single(params, "q");
        typed = typed == null ? "" : typed;
        if (typed.length() > MAX_TYPED) {
            throw new ProblemException(Problem.badParameter("q", "q may be at most " + MAX_TYPED + " characters for suggestions"));
        }
        int size = SearchParams.integer(params, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(Problem.badParameter("size", "size must be between 1 and " + MAX_SIZE));
        }
        List<Suggestion> suggestions = searcher.suggest(typed, size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("query", typed);
            g.writeArrayFieldStart("suggestions");
            for (Suggestion s : suggestions) {
                g.writeStartObject();
                g.writeStringField("text", s.text());
                g.writeStringField("kind", s.kind());
                g.writeStringField("id", s.id());
                g.writeStringField("matched", s.matched());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }
}
