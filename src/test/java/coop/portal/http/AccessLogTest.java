package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.RunningPortal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The access log of a real server, read where it goes: standard error, through the portal's logging. */
class AccessLogTest {

    /** A line as the logging writes it: time, level, logger, then the access log's own fields. */
    private static final Pattern LINE = Pattern.compile("^\\S+ INFO access - (\\S+) (\\S+) (\\d{3}) (\\d+)ms (\\d+)B$");

    private static RunningPortal server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningPortal.founding();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void eachRequestIsOneLineWithoutQueryStringOrClientAddress() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        HttpResponse<String> search;
        HttpResponse<String> missing;
        List<String> lines;
        try {
            search = Http.get(server.port(), "/api/search?q=Jane+Doe+private+matter");
            missing = Http.get(server.port(), "/api/documents/evil%0D%0AINFO%20access%20-%20forged");
            Http.send(server.port(), "POST", "/api/export", null);
            lines = awaitLines(captured, 3);
        } finally {
            System.setErr(stderr);
        }
        String all = String.join("\n", lines);
        assertFalse(all.contains("Jane") || all.contains("private") || all.contains("?q="), all);
        assertFalse(all.contains("127.0.0.1"), all);

        Matcher s = match(lines, "/api/search");
        assertEquals("GET", s.group(1));
        assertEquals("200", s.group(3));
        assertEquals(search.body().getBytes(StandardCharsets.UTF_8).length, Long.parseLong(s.group(5)));

        Matcher m = match(lines, "/api/documents/");
        assertEquals("404", m.group(3));
        assertEquals(missing.body().getBytes(StandardCharsets.UTF_8).length, Long.parseLong(m.group(5)));
        assertTrue(m.group(2).startsWith("/api/documents/evil"), m.group(2));

        Matcher post = match(lines, "/api/export");
        assertEquals("POST", post.group(1));
        assertEquals("405", post.group(3));
    }

    @Test
    void controlCharactersCannotBreakALine() {
        assertEquals("GET /a?b?c 200 1ms 2B", AccessLog.line("GET", "/a\nb\rc", 200, 1, 2));
        assertEquals("- - 400 0ms 0B", AccessLog.line(null, "", 400, 0, 0));
        assertEquals(300 + 1, AccessLog.line("GET", "/" + "x".repeat(1000), 200, 0, 0).split(" ")[1].length());
    }

    private static Matcher match(List<String> lines, String pathStart) {
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(2).startsWith(pathStart)) {
                return m;
            }
        }
        throw new AssertionError("no access line for " + pathStart + " in\n" + String.join("\n", lines));
    }

    /** The access lines written so far, once there are {@code n}: Jetty logs after the answer has gone. */
    private static List<String> awaitLines(ByteArrayOutputStream captured, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" access - ")).toList();
            if (lines.size() >= n || Instant.now().isAfter(deadline)) {
                return lines;
            }
            Thread.sleep(20);
        }
    }
}
