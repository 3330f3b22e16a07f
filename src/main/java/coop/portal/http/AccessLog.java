package coop.portal.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line per request on the logger {@code coop.portal.access}, written by Jetty
 * once the answer is sent, so requests Jetty refuses before the portal sees them are logged too:
 *
 * <pre>GET /api/documents/001-8f1dec18a3d5d143--hohhot 200 3ms 1520B</pre>
 *
 * <p>Method, path, status, milliseconds from the request's arrival to the end of the answer, and
 * bytes of the body sent. The query string is left out, since people type names and other
 * personal data into search boxes, and so is the client's address. Control characters in a path
 * are shown as {@code ?}, so a request cannot forge log lines.
 */
final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("coop.portal.access");
    private static final int MAX_PATH = 300;
    private static final int MAX_METHOD = 16;

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        LOG.info(line(request.getMethod(), path, response.getStatus(), NanoTime.millisSince(request.getBeginNanoTime()),
                Response.getContentBytesWritten(response)));
    }

    static String line(String method, String path, int status, long millis, long bytes) {
        return clean(method, MAX_METHOD) + " " + clean(path, MAX_PATH) + " " + status + " " + millis + "ms " + bytes + "B";
    }

    private static String clean(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || Character.isWhitespace(c) ? '?' : c);
        }
        if (s.length() > max) {
            b.append('…');
        }
        return b.toString();
    }
}
