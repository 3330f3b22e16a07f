package coop.portal.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Cross-origin access for the read API: partner sites call it from their pages, so its GET and
 * HEAD answers, errors included, allow any origin. Nothing else does: another method on the read
 * API, the admin API, metrics and the pages are for the portal's own origin or for no browser.
 */
final class Cors {

    /** The read API's resources: the first path segment after {@code /api/}. */
    private static final Set<String> READ_API = Set.of("search", "suggest", "documents", "export", "places", "health");

    private Cors() {
    }

    static void apply(Context ctx) {
        if (allowed(ctx.method(), ctx.path())) {
            ctx.header("Access-Control-Allow-Origin", "*");
        }
    }

    static boolean allowed(HandlerType method, String path) {
        if (!(method.equals(HandlerType.GET) || method.equals(HandlerType.HEAD)) || !path.startsWith("/api/")) {
            return false;
        }
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        return READ_API.contains(slash < 0 ? rest : rest.substring(0, slash));
    }
}
