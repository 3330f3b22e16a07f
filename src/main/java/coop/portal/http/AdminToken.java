package coop.portal.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards the admin API with a bearer token. The token is kept only as its SHA-256 digest, and an
 * offered token is digested and compared in constant time: neither how much of it is right nor
 * how long it is shows in the time of the answer.
 */
final class AdminToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    /** @param token the configured token; surrounding white space is not part of it (a trailing newline from a file) */
    AdminToken(String token) {
        this.digest = sha256(token.strip());
    }

    /** Lets only requests with this token reach the paths that match {@code pathPattern} (Javalin's syntax). */
    void guard(JavalinConfig config, String pathPattern) {
        /*
         * Jetty reuses the header values it has seen on a connection, matched regardless of case:
         * behind a proxy that pools connections, a token differing from an earlier one only in
         * case would reach the guard as that earlier token. Header values are compared exactly.
         */
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
        config.routes.before(pathPattern, this::check);
    }

    /** Lets the request through, or ends it with a 401 problem that says how to authenticate. */
    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"portal admin\"");
            throw new ProblemException(unauthorized("The admin API needs the header Authorization: Bearer <admin token>."));
        }
        byte[] offered = sha256(header.substring(SCHEME.length()).strip());
        if (!MessageDigest.isEqual(digest, offered)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"portal admin\", error=\"invalid_token\"");
            throw new ProblemException(unauthorized("The admin token is not valid."));
        }
    }

    private static Problem unauthorized(String detail) {
        return new Problem("/problems/unauthorized", "Unauthorized", 401, detail, null);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
