package coop.portal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before they reach a route (a URI or headers too long, a
 * path that climbs out of the root, a malformed request line) in the same problem-details
 * JSON as every other error, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // Jetty's own reason phrase only: the message may quote the refused request.
        Problem problem = new Problem("about:blank", ErrorMapping.reason(code), code,
                "The request was refused: " + HttpStatus.getMessage(code) + ".", null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorMapping.PROBLEM_JSON);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(ErrorMapping.json(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
