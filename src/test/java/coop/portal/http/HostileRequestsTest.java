package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import coop.portal.RunningPortal;
import coop.portal.search.SearchLimits;
import coop.portal.search.Searcher;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests made to hurt: each gets a clear 4xx problem-details answer, well under a second,
 * never echoes markup, and the server answers normal searches afterwards. Sent byte for byte
 * to a real server on a random port over a real index of the founding corpus.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "Host: 127.0.0.1\r\nConnection: close\r\n";

    private static RunningPortal server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningPortal.founding();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static String filters(int n) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add("cluster=c" + i);
        }
        return String.join("&", parts);
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\n" + HOST + "\r\n";
    }

    private static String method(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n";
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // Size
                Arguments.of("query of 100,000 characters", get("/api/search?q=" + repeat("a", 100_000)), 414),
                Arguments.of("query over the length limit", get("/api/search?q=" + repeat("a", 1_001)), 400),
                Arguments.of("10,000 filter parameters", get("/api/search?" + filters(10_000)), 414),
                Arguments.of("more filter values than allowed", get("/api/search?q=water&" + filters(101)), 400),
                Arguments.of("suggestion of 5,000 characters", get("/api/suggest?q=" + repeat("b", 5_000)), 400),
                Arguments.of("header of 20 KB", "GET /api/search?q=water HTTP/1.1\r\n" + HOST + "X-Big: " + repeat("x", 20_000) + "\r\n\r\n", 431),
                Arguments.of("1,000 headers", "GET /api/search?q=water HTTP/1.1\r\n" + HOST
                        + Stream.iterate(0, i -> i + 1).limit(1_000).map(i -> "X-H" + i + ": v\r\n").reduce("", String::concat) + "\r\n", 431),
                // Query syntax that would cost the whole index
                Arguments.of("deeply nested parentheses", get("/api/search?q=" + repeat("(", 400) + "water" + repeat(")", 400)), 400),
                Arguments.of("unclosed parentheses, deep", get("/api/search?q=" + repeat("(", 900) + "water"), 400),
                Arguments.of("leading wildcard *a*", get("/api/search?q=*a*"), 400),
                Arguments.of("leading wildcard ?ater", get("/api/search?q=%3Fater"), 400),
                Arguments.of("lone wildcard", get("/api/search?q=*"), 400),
                Arguments.of("field and leading wildcard", get("/api/search?q=title:*x"), 400),
                Arguments.of("regular expression /.*/", get("/api/search?q=/.*/"), 400),
                Arguments.of("regular expression /[a-z]+/", get("/api/search?q=/%5Ba-z%5D%2B/"), 400),
                Arguments.of("fuzzy with a huge distance", get("/api/search?q=water~100000"), 400),
                Arguments.of("fuzzy beyond two slips", get("/api/search?q=water~3"), 400),
                Arguments.of("proximity with a huge slop", get("/api/search?q=%22water+city%22~100000000"), 400),
                Arguments.of("proximity beyond the limit", get("/api/search?q=%22water+city%22~11"), 400),
                // Paging and numbers
                Arguments.of("page 1,000,000,000", get("/api/search?q=water&page=1000000000"), 400),
                Arguments.of("page beyond an int", get("/api/search?q=water&page=99999999999999999999"), 400),
                Arguments.of("page zero", get("/api/search?q=water&page=0"), 400),
                Arguments.of("negative page", get("/api/search?q=water&page=-1"), 400),
                Arguments.of("page not a number", get("/api/search?q=water&page=two"), 400),
                Arguments.of("size of a million", get("/api/search?q=water&size=1000000"), 400),
                Arguments.of("population not a number", get("/api/search?populationMin=lots"), 400),
                Arguments.of("population NaN", get("/api/search?populationMin=NaN"), 400),
                Arguments.of("population Infinity", get("/api/search?populationMax=Infinity"), 400),
                Arguments.of("population range reversed", get("/api/search?populationMin=5&populationMax=1"), 400),
                Arguments.of("unknown sort", get("/api/search?q=water&sort=random"), 400),
                Arguments.of("query given twice", get("/api/search?q=water&q=city"), 400),
                // Encoding
                Arguments.of("truncated percent-encoding", get("/api/search?q=%E0%A4%A"), 400),
                Arguments.of("percent sign without hex", get("/api/search?q=%zz"), 400),
                Arguments.of("invalid UTF-8", get("/api/search?q=%C3%28"), 400),
                Arguments.of("overlong UTF-8", get("/api/search?q=%C0%AF"), 400),
                Arguments.of("NUL in a value", get("/api/search?q=wa%00ter"), 400),
                Arguments.of("bell and escape in a value", get("/api/search?q=%07%1B"), 400),
                Arguments.of("DEL in a value", get("/api/search?q=water%7F"), 400),
                Arguments.of("control character in a name", get("/api/search?q%01=water"), 400),
                Arguments.of("NUL in a path", get("/api/documents/a%00b"), 400),
                Arguments.of("invalid UTF-8 in a path", get("/api/documents/%C3%28"), 400),
                // Unknown names
                Arguments.of("unknown facet dimension", get("/api/search?q=water&colour=red"), 400),
                Arguments.of("unknown parameter", get("/api/search?q=water&debug=true"), 400),
                Arguments.of("unknown suggest parameter", get("/api/suggest?q=wa&limit=5000"), 400),
                // Methods
                Arguments.of("POST on search", method("POST", "/api/search?q=water"), 405),
                Arguments.of("PUT on a document", method("PUT", "/api/documents/x"), 405),
                Arguments.of("DELETE on a document", method("DELETE", "/api/documents/x"), 405),
                Arguments.of("PATCH on export", method("PATCH", "/api/export"), 405),
                Arguments.of("POST on suggest", method("POST", "/api/suggest?q=wa"), 405),
                Arguments.of("TRACE on search", method("TRACE", "/api/search?q=water"), 405),
                Arguments.of("TRACE on the page", method("TRACE", "/"), 404),
                // Paths
                Arguments.of("path traversal", get("/../../etc/passwd"), 400),
                Arguments.of("encoded path traversal", get("/%2e%2e/%2e%2e/etc/passwd"), 400),
                Arguments.of("traversal from a static folder", get("/vendor/../../pom.xml"), 400),
                Arguments.of("encoded slashes in traversal", get("/vendor/..%2f..%2fpom.xml"), 404),
                Arguments.of("encoded backslashes in traversal", get("/..%5c..%5cpom.xml"), 404),
                Arguments.of("hidden file", get("/.git/config"), 404),
                Arguments.of("dot segments inside the API", get("/api/documents/../../../etc/passwd"), 400),
                // Malformed requests
                Arguments.of("space in the request target", "GET /api/search?q=a b HTTP/1.1\r\n" + HOST + "\r\n", 400),
                Arguments.of("not HTTP at all", "HELLO\r\n\r\n", 400),
                Arguments.of("both content length and chunked", "POST /api/search HTTP/1.1\r\n" + HOST
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                // Markup in every place a request can carry it
                Arguments.of("markup in an unknown parameter name", get("/api/search?%3Cscript%3E=1"), 400),
                Arguments.of("markup in a bad number", get("/api/search?page=%3Cimg+src=x+onerror=alert(1)%3E"), 400),
                Arguments.of("markup in a sort", get("/api/search?sort=%3Csvg+onload=alert(1)%3E"), 400),
                Arguments.of("markup in a document id", get("/api/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404),
                Arguments.of("markup in similar", get("/api/documents/%3Cb%3Ex%3C%2Fb%3E/similar"), 404),
                Arguments.of("markup in a path", get("/%3Cscript%3Ealert(1)%3C/script%3E"), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedWithAProblem(String name, String request, int status) throws Exception {
        RawHttp.Answer a = RawHttp.send(server.port(), request);
        assertEquals(status, a.status(), name + " → " + a.body());
        assertTrue(a.header("content-type").startsWith("application/problem+json"), name + ": " + a.headers());
        JsonNode problem = JSON.readTree(a.body());
        assertEquals(status, problem.get("status").asInt(), a.body());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), a.body());
        assertNoMarkupOrInternals(name, a);
        assertTrue(a.millis() < 1_000, name + " took " + a.millis() + " ms");
    }

    static Stream<Arguments> markupInSearches() {
        return Stream.of(
                Arguments.of("/api/search?q=%3Cscript%3Ealert(%27x%27)%3C%2Fscript%3E"),
                Arguments.of("/api/search?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"),
                Arguments.of("/api/search?q=water&cluster=%3Cscript%3E&country=%3Cb%3E"),
                Arguments.of("/api/search?q=water&programme=%27%3E%3Csvg%2Fonload%3Dalert(1)%3E&type=%3Ci%3E"),
                Arguments.of("/api/suggest?q=%3Cscript%3E"),
                Arguments.of("/embed?cluster=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
    }

    /** Markup in a legitimate request is answered, as text: escaped in JSON, never echoed in a page. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("markupInSearches")
    void markupIsAnsweredButNeverEchoed(String target) throws Exception {
        RawHttp.Answer a = RawHttp.get(server.port(), target);
        assertEquals(200, a.status(), a.body());
        assertNoMarkupOrInternals(target, a);
    }

    private static void assertNoMarkupOrInternals(String name, RawHttp.Answer a) {
        if (a.header("content-type").startsWith("text/html")) {
            for (String payload : List.of("alert(", "onerror", "onload")) {
                assertFalse(a.body().contains(payload), name + " echoed " + payload);
            }
        } else {
            assertFalse(a.body().contains("<") || a.body().contains(">"), name + " has raw markup: " + a.body());
        }
        for (String internal : List.of("Exception", "at coop.", "at org.", "jetty", "Javalin")) {
            assertFalse(a.body().contains(internal), name + " shows internals: " + a.body());
        }
    }

    @Test
    void theServerStillAnswersAfterTheAttacks() throws Exception {
        for (Arguments hostile : hostile().toList()) {
            RawHttp.send(server.port(), (String) hostile.get()[1]);
        }
        RawHttp.Answer a = RawHttp.get(server.port(), "/api/search?q=dairy");
        assertEquals(200, a.status());
        assertTrue(JSON.readTree(a.body()).get("total").asInt() > 0);
        assertEquals(200, RawHttp.get(server.port(), "/api/health").status());
    }

    /** The limits are settings, not constants: a server with tight ones refuses what the default allows. */
    @Test
    void limitsAreConfigurable(@TempDir Path tight) throws Exception {
        SearchLimits limits = new SearchLimits(20, 8, 2, 30, Duration.ofNanos(1));
        try (Searcher s = Searcher.open(Fixtures.foundingIndex(), Fixtures.vocabulary(), new Searcher.Options(0, limits))) {
            Javalin tightServer = PortalServer.create(s, PortalServer.Options.defaults()).start("127.0.0.1", 0);
            try {
                int port = tightServer.port();
                assertRefused(port, "/api/search?q=" + repeat("w", 21), "at most 20 characters");
                assertRefused(port, "/api/search?q=water&country=China&country=Spain&country=Italy", "at most 2 facet values");
                assertRefused(port, "/api/search?q=water&page=4&size=10", "may not exceed 30");
                assertRefused(port, "/api/search?q=water", "took longer than");
            } finally {
                tightServer.stop();
            }
        }
        SearchLimits fewClauses = new SearchLimits(1_000, 8, 100, 10_000, Duration.ofSeconds(2));
        try (Searcher s = Searcher.open(Fixtures.foundingIndex(), Fixtures.vocabulary(), new Searcher.Options(0, fewClauses))) {
            Javalin tightServer = PortalServer.create(s, PortalServer.Options.defaults()).start("127.0.0.1", 0);
            try {
                assertRefused(tightServer.port(), "/api/search?q=water+energy+port+rail+tourism+culture", "clauses");
            } finally {
                tightServer.stop();
            }
        } finally {
            // Lucene keeps the clause bound per process: give the other tests their default back.
            Searcher.open(Fixtures.foundingIndex(), Fixtures.vocabulary()).close();
        }
    }

    private static void assertRefused(int port, String target, String why) throws Exception {
        RawHttp.Answer a = RawHttp.get(port, target);
        assertEquals(400, a.status(), target + " → " + a.body());
        assertTrue(JSON.readTree(a.body()).get("detail").asText().contains(why), a.body());
    }
}
