package coop.portal.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3.1 description. It is a data file of the jar
 * ({@code src/main/resources/openapi.json}), written by hand and held to the real server by
 * {@code OpenApiTest}: every route described, every answer valid against its schema.
 */
final class OpenApiDocument {

    private static final String RESOURCE = "/openapi.json";

    private final byte[] body;

    OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json").result(body);
    }
}
