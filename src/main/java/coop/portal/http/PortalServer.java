package coop.portal.http;

import coop.portal.search.Searcher;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The portal's HTTP server: the read API, the web page and the embed widget. Built from a
 * {@link Searcher}, so tests start the same server as {@code portal serve}.
 */
public final class PortalServer {

    /**
     * How the server is set up.
     *
     * @param webRoot    a folder to serve the static files from, or null for the copy of
     *                   {@code web/} packaged in the jar
     * @param adminToken the bearer token of the admin API, or null to turn the admin API off
     * @param reindex    what {@code POST /api/admin/reindex} runs, or null if this server cannot
     *                   re-ingest
     * @param ingestRuns where the ingests of this process are counted for {@code /metrics}, the
     *                   start-up one included; null to count only those of the admin API
     * @param privateMetrics true if {@code /metrics} asks for the admin token too
     */
    public record Options(Path webRoot, String adminToken, Reindex reindex, IngestRuns ingestRuns, boolean privateMetrics) {
        public Options {
            if (adminToken != null && adminToken.isBlank()) {
                adminToken = null;
            }
            if (ingestRuns == null) {
                ingestRuns = new IngestRuns();
            }
            if (privateMetrics && adminToken == null) {
                throw new IllegalArgumentException("private metrics need an admin token");
            }
        }

        public Options(Path webRoot, String adminToken, Reindex reindex) {
            this(webRoot, adminToken, reindex, null, false);
        }

        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    private PortalServer() {
    }

    public static Javalin create(Searcher searcher, Options options) {
        SearchAnalytics analytics = new SearchAnalytics();
        SearchController search = new SearchController(searcher, analytics);
        ServerMetrics metrics = new ServerMetrics(searcher, analytics, options.ingestRuns());
        DocumentController documents = new DocumentController(searcher);
        RecommendationController recommendations = new RecommendationController(searcher);
        SuggestController suggest = new SuggestController(searcher);
        PlacesController places;
        try {
            places = new PlacesController(searcher.vocabulary());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            if (options.webRoot() != null) {
                if (!Files.isDirectory(options.webRoot())) {
                    throw new IllegalArgumentException("web folder not found: " + options.webRoot());
                }
                config.staticFiles.add(options.webRoot().toAbsolutePath().toString(), Location.EXTERNAL);
            } else {
                config.staticFiles.add("/web", Location.CLASSPATH);
            }
            ErrorMapping.install(config);
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(QueryStringGuard::check);
            config.routes.before(Cors::apply);
            config.jetty.modifyServer(server -> server.setRequestLog(new AccessLog()));
            config.requestLogger.http(metrics::request);
            config.events.serverStopped(metrics::close);
            AdminToken token = options.adminToken() == null ? null : new AdminToken(options.adminToken());
            // No token, no admin API: its paths answer 404 like any other unknown path.
            if (token != null) {
                new AdminApi(new ReindexJob(options.reindex(), options.ingestRuns()), analytics, searcher).install(config, token);
            }
            if (options.privateMetrics()) {
                token.guard(config, "/metrics");
            }
            config.routes.get("/metrics", metrics::scrape);
            config.routes.get("/openapi.json", new OpenApiDocument()::serve);
            config.routes.get("/api/search", search::search);
            config.routes.get("/api/suggest", suggest::suggest);
            config.routes.get("/api/documents/{id}", documents::document);
            config.routes.get("/api/documents/{id}/similar", recommendations::similar);
            config.routes.get("/api/documents/{id}/partners", recommendations::partners);
            config.routes.get("/api/export", documents::export);
            config.routes.get("/api/places", places::places);
            config.routes.get("/api/health", ctx -> ctx.contentType("application/json")
                    .result("{\"status\":\"ok\",\"records\":" + searcher.count() + "}"));
            // The widget's iframe variant, /embed?cluster=...: a page that partner sites may frame
            config.routes.get("/embed", ctx -> ctx.contentType("text/html; charset=utf-8").result(webFile(options, "embed.html")));
        });
    }

    /** A file of the web folder: from disk when serving a folder, else the copy in the jar. */
    private static byte[] webFile(Options options, String name) throws java.io.IOException {
        if (options.webRoot() != null) {
            return Files.readAllBytes(options.webRoot().resolve(name));
        }
        try (java.io.InputStream in = PortalServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new ProblemException(Problem.notFound("No resource at /" + name));
            }
            return in.readAllBytes();
        }
    }
}
