package coop.portal.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A demo partner site: one page that embeds the portal's search widget, served on a port of its
 * own so that it is another origin than the portal, as a partner's site would be. The page styles
 * buttons, links and list items heavily on purpose, to show that the widget keeps its own look,
 * and sends a strict Content-Security-Policy that allows only the portal. {@code portal demo}
 * serves it, and the browser tests check the widget on it.
 */
public final class PartnerDemo {

    private PartnerDemo() {
    }

    /**
     * The demo site for the portal at {@code portal} (such as {@code http://localhost:7070}); start
     * it with {@code start(host, port)}.
     *
     * @throws IllegalArgumentException if {@code portal} is not an absolute http(s) URL
     */
    public static Javalin create(URI portal) {
        String base = base(portal);
        String origin = portal.getScheme() + "://" + portal.getRawAuthority();
        String page = resource("/demo/partner.html").replace("{{PORTAL}}", escapeHtml(base));
        String css = resource("/demo/partner.css");
        String policy = "default-src 'self'; script-src 'self' " + origin + "; style-src 'self'; connect-src " + origin
                + "; frame-src " + origin + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", policy);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
            });
            config.routes.get("/", ctx -> ctx.html(page));
            config.routes.get("/partner.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
        });
    }

    /** The portal's root without a trailing slash: {@code http://localhost:7070} or {@code https://host/portal}. */
    static String base(URI portal) {
        String scheme = portal.getScheme();
        if (!portal.isAbsolute() || portal.getRawAuthority() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || portal.getRawQuery() != null || portal.getRawFragment() != null) {
            throw new IllegalArgumentException("the portal must be an http(s) URL such as http://localhost:7070, not '" + portal + "'");
        }
        String path = portal.getRawPath() == null ? "" : portal.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + portal.getRawAuthority() + path;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String resource(String name) {
        try (InputStream in = PartnerDemo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
