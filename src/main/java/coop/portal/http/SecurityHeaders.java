package coop.portal.http;

import io.javalin.http.Context;

/**
 * The security headers of every answer. Pages get a strict Content-Security-Policy: scripts,
 * styles, images and connections from the portal itself only, no inline code, no plugins, and
 * framing by the portal's own pages only, except the embeddable {@code /embed} page, which
 * partner sites may frame. The widget script and the read API may be used from other origins.
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";
    static final String EMBED_POLICY = PAGE_POLICY.replace("frame-ancestors 'self'", "frame-ancestors *");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/embed.js")) {
            ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        } else if (path.equals("/embed") || path.startsWith("/embed/") || path.equals("/embed.html")) {
            ctx.header("Content-Security-Policy", EMBED_POLICY);
        } else {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            ctx.header("X-Frame-Options", "SAMEORIGIN");
        }
    }
}
