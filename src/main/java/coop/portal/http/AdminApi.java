package coop.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.search.Searcher;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API under {@code /api/admin}, behind the bearer token: {@code POST} and {@code GET
 * /api/admin/reindex} start and follow a re-ingest of the corpus, {@code GET /api/admin/stats}
 * tells what people search for and how big the index is.
 */
final class AdminApi {

    static final String REINDEX = "/api/admin/reindex";
    static final int TOP = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReindexJob reindex;
    private final SearchAnalytics analytics;
    private final Searcher searcher;

    AdminApi(ReindexJob reindex, SearchAnalytics analytics, Searcher searcher) {
        this.reindex = reindex;
        this.analytics = analytics;
        this.searcher = searcher;
    }

    /** Adds the admin routes, all of them guarded by {@code token}, to the server. */
    void install(JavalinConfig config, AdminToken token) {
        token.guard(config, "/api/admin/*");
        config.routes.post(REINDEX, this::startReindex);
        config.routes.get(REINDEX, ctx -> json(ctx, run(reindex.last())));
        config.routes.get("/api/admin/stats", ctx -> json(ctx, stats()));
        config.events.serverStopped(reindex::close);
    }

    private void startReindex(Context ctx) throws JsonProcessingException {
        if (!reindex.available()) {
            throw new ProblemException(new Problem("/problems/reindex-unavailable", "Service unavailable", 503,
                    "This server was started without a corpus to re-ingest.", null));
        }
        ReindexJob.Run run = reindex.start().orElseThrow(() -> new ProblemException(new Problem(
                "/problems/reindex-running", "Conflict", 409,
                "A re-ingest is running already; follow it at " + REINDEX + ".", null)));
        ctx.status(202).header("Location", REINDEX);
        json(ctx, run(run));
    }

    private Map<String, Object> stats() throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("since", analytics.since().toString());
        o.put("records", searcher.count());
        o.put("searches", analytics.searches());
        o.put("zeroResultSearches", analytics.zeroResultSearches());
        o.put("browses", analytics.browses());
        o.put("distinctQueries", analytics.queries().size());
        o.put("maxDistinctQueries", analytics.queries().capacity());
        o.put("topQueries", analytics.queries().top(TOP));
        o.put("topZeroResultQueries", analytics.zeroResultQueries().top(TOP));
        return o;
    }

    private static Map<String, Object> run(ReindexJob.Run run) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("state", run.state().name().toLowerCase(Locale.ROOT));
        o.put("started", instant(run.started()));
        o.put("finished", instant(run.finished()));
        o.put("summary", run.summary());
        o.put("error", run.error());
        return o;
    }

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    private static void json(Context ctx, Map<String, Object> body) throws JsonProcessingException {
        ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
    }
}
