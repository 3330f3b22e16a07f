package coop.portal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.portal.search.InvalidSearchException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Maps every failure to one problem-details JSON shape: 400 for bad parameters, 404 for unknown
 * records and paths, 405 for methods the API does not offer, and 500 without internals for
 * anything unexpected, which is logged.
 */
final class ErrorMapping {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    static void install(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
        config.routes.exception(InvalidSearchException.class, (e, ctx) ->
                write(ctx, Problem.badParameter(e.parameter(), e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus() == 404
                ? Problem.notFound("No resource at " + ctx.path())
                : new Problem("about:blank", reason(e.getStatus()), e.getStatus(), e.getMessage(), null)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "request failed: " + ctx.method() + " " + ctx.path(), e);
            write(ctx, new Problem("/problems/internal-error", "Internal error", 500,
                    "The request could not be completed; the error has been logged.", null));
        });
        config.routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, Problem.notFound("No resource at " + ctx.path()));
            }
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, new Problem("/problems/method-not-allowed", "Method not allowed", 405,
                        ctx.method() + " is not allowed on " + ctx.path(), null));
            }
        });
    }

    static void write(Context ctx, Problem p) {
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(json(p));
    }

    static String json(Problem p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", p.type());
        o.put("title", p.title());
        o.put("status", p.status());
        o.put("detail", p.detail());
        if (p.parameter() != null) {
            o.put("parameter", p.parameter());
        }
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(PROBLEM_JSON);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Content too large";
            case 414 -> "URI too long";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }
}
