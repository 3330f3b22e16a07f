package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import coop.portal.search.Searcher;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API on a real server with an admin token, over a real index of a copy of the founding
 * corpus that the re-ingest reads again.
 */
class AdminApiTest {

    static final String TOKEN = "admin-token-for-tests-8d41";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Path corpus;
    private static Searcher searcher;
    private static Javalin server;

    @BeforeAll
    static void start() throws Exception {
        corpus = Files.createDirectory(work.resolve("corpus"));
        for (Path f : Files.list(Fixtures.CORPUS).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
        }
        Path index = work.resolve("index");
        Fixtures.ingest(corpus, index);
        searcher = Searcher.open(index, Fixtures.vocabulary());
        Reindex reindex = () -> {
            Map<String, Object> summary = Fixtures.ingest(corpus, index).summary();
            searcher.refresh();
            return summary;
        };
        server = start(new PortalServer.Options(null, TOKEN, reindex));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        searcher.close();
    }

    static Javalin start(PortalServer.Options options) {
        return PortalServer.create(searcher, options).start("127.0.0.1", 0);
    }

    static HttpResponse<String> send(Javalin on, String method, String path, String authorization) throws Exception {
        return Http.send(on.port(), method, path, authorization);
    }

    static HttpResponse<String> admin(Javalin on, String method, String path) throws Exception {
        return send(on, method, path, "Bearer " + TOKEN);
    }

    /** Follows {@code GET /api/admin/reindex} until the run is no longer running. */
    static JsonNode awaitRun(Javalin on) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = admin(on, "GET", "/api/admin/reindex");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode run = JSON.readTree(r.body());
            if (!run.get("state").asText().equals("running")) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the re-ingest did not finish within a minute");
    }

    private static void assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), r.body());
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.hasNonNull("type") && p.hasNonNull("title") && p.hasNonNull("detail"), r.body());
    }

    @Test
    void requestsWithoutTheRightTokenAre401ProblemsThatAskForABearerToken() throws Exception {
        JsonNode before = awaitRun(server);
        List<String> wrong = java.util.Arrays.asList(null, "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ",
                "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "x", "Bearer " + TOKEN.toUpperCase(), TOKEN);
        for (String authorization : wrong) {
            for (String[] request : List.of(new String[] {"GET", "/api/admin/reindex"}, new String[] {"POST", "/api/admin/reindex"},
                    new String[] {"GET", "/api/admin/no-such-thing"})) {
                HttpResponse<String> r = send(server, request[0], request[1], authorization);
                assertProblem(r, 401);
                assertTrue(r.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"), authorization);
                assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
            }
        }
        assertEquals(before, awaitRun(server), "no request above started a run");
    }

    @Test
    void aTokenDifferingOnlyInCaseIsRefusedOnTheSameConnection() throws Exception {
        // One client, so one kept-alive connection: Jetty's cache of header values must not match regardless of case.
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send(server, "GET", "/api/admin/reindex", "Bearer " + TOKEN).statusCode());
            assertProblem(send(server, "GET", "/api/admin/reindex", "Bearer " + TOKEN.toUpperCase()), 401);
        }
    }

    @Test
    void theRightTokenOpensTheAdminApiWithoutCrossOriginAccess() throws Exception {
        for (String authorization : List.of("Bearer " + TOKEN, "bearer " + TOKEN, "Bearer  " + TOKEN + " ")) {
            HttpResponse<String> r = send(server, "GET", "/api/admin/reindex", authorization);
            assertEquals(200, r.statusCode(), authorization + " → " + r.body());
            assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
        }
        assertProblem(admin(server, "GET", "/api/admin/no-such-thing"), 404);
        assertProblem(admin(server, "DELETE", "/api/admin/reindex"), 405);
    }

    @Test
    void aReindexRunsInTheBackgroundAndItsRecordsBecomeSearchable() throws Exception {
        Files.writeString(corpus.resolve("added.jsonl"), "{\"id\":\"added-1\",\"title\":\"Quokkaville\",\"body\":"
                + "\"Quokkaville hosts a zeppelin workshop.\",\"doc_type\":\"page\",\"country\":\"Spain\"}\n");
        try {
            awaitRun(server);
            HttpResponse<String> started = admin(server, "POST", "/api/admin/reindex");
            assertEquals(202, started.statusCode(), started.body());
            assertEquals("/api/admin/reindex", started.headers().firstValue("location").orElse(null));
            JsonNode run = JSON.readTree(started.body());
            assertEquals("running", run.get("state").asText());
            assertNotNull(Instant.parse(run.get("started").asText()));

            JsonNode done = awaitRun(server);
            assertEquals("succeeded", done.get("state").asText(), done.toString());
            assertFalse(Instant.parse(done.get("finished").asText()).isBefore(Instant.parse(done.get("started").asText())));
            assertEquals(67, done.get("summary").get("records").asInt(), done.toString());
            assertTrue(done.get("error").isNull());
            JsonNode found = JSON.readTree(send(server, "GET", "/api/search?q=zeppelin", null).body());
            assertEquals("Quokkaville", found.get("hits").get(0).get("title").asText());
        } finally {
            Files.delete(corpus.resolve("added.jsonl"));
        }
        admin(server, "POST", "/api/admin/reindex");
        assertEquals(66, awaitRun(server).get("summary").get("records").asInt(), "the next run drops the record again");
    }

    @Test
    void oneReindexRunsAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Reindex held = () -> {
            if (!release.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
            return Map.of("records", searcher.count());
        };
        Javalin other = start(new PortalServer.Options(null, TOKEN, held));
        try {
            assertEquals(202, admin(other, "POST", "/api/admin/reindex").statusCode());
            HttpResponse<String> second = admin(other, "POST", "/api/admin/reindex");
            assertProblem(second, 409);
            assertEquals("running", JSON.readTree(admin(other, "GET", "/api/admin/reindex").body()).get("state").asText());
            release.countDown();
            assertEquals("succeeded", awaitRun(other).get("state").asText());
            assertEquals(202, admin(other, "POST", "/api/admin/reindex").statusCode(), "a new run once the last one ended");
            assertEquals("succeeded", awaitRun(other).get("state").asText());
        } finally {
            release.countDown();
            other.stop();
        }
    }

    @Test
    void aFailedReindexShowsItsErrorInOneLineAndTheIndexStays() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("not-a-folder"), "a file where the index should be");
        Reindex failing = () -> Fixtures.ingest(corpus, notAFolder).summary();
        Javalin other = start(new PortalServer.Options(null, TOKEN, failing));
        try {
            assertEquals(202, admin(other, "POST", "/api/admin/reindex").statusCode());
            JsonNode run = awaitRun(other);
            assertEquals("failed", run.get("state").asText(), run.toString());
            assertTrue(run.get("summary").isNull());
            String error = run.get("error").asText();
            assertFalse(error.isBlank() || error.contains("\n"), error);
            assertNotNull(Instant.parse(run.get("finished").asText()));
            assertEquals(66, JSON.readTree(send(other, "GET", "/api/health", null).body()).get("records").asInt());
        } finally {
            other.stop();
        }
    }

    @Test
    void statsCountNormalisedQueriesAndZeroResultsButNoPersonalData() throws Exception {
        Javalin other = start(new PortalServer.Options(null, TOKEN, null));
        try {
            for (String q : List.of("dairy", "%20%20Dairy%20", "DAIRY&page=2", "Dairy%20%20industry", "xyzzyqwertyuiop",
                    "xyzzyqwertyuiop", "", "&country=Spain", "dairy&size=0")) {
                send(other, "GET", "/api/search?q=" + q, null);
            }
            send(other, "GET", "/api/suggest?q=dairy", null);
            HttpResponse<String> r = admin(other, "GET", "/api/admin/stats");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
            JsonNode stats = JSON.readTree(r.body());
            assertEquals(66, stats.get("records").asInt());
            assertEquals(6, stats.get("searches").asInt(), "a bad request is no search, and a suggestion neither");
            assertEquals(2, stats.get("zeroResultSearches").asInt());
            assertEquals(2, stats.get("browses").asInt());
            assertEquals(3, stats.get("distinctQueries").asInt());
            assertEquals(10_000, stats.get("maxDistinctQueries").asInt());
            assertNotNull(Instant.parse(stats.get("since").asText()));
            assertEquals(JSON.readTree("[{\"query\":\"dairy\",\"count\":3},{\"query\":\"xyzzyqwertyuiop\",\"count\":2},"
                    + "{\"query\":\"dairy industry\",\"count\":1}]"), stats.get("topQueries"));
            assertEquals(JSON.readTree("[{\"query\":\"xyzzyqwertyuiop\",\"count\":2}]"), stats.get("topZeroResultQueries"));
        } finally {
            other.stop();
        }
    }

    @Test
    void aServerWithoutAReindexAnswers503() throws Exception {
        Javalin other = start(new PortalServer.Options(null, TOKEN, null));
        try {
            assertProblem(admin(other, "POST", "/api/admin/reindex"), 503);
            assertEquals("idle", JSON.readTree(admin(other, "GET", "/api/admin/reindex").body()).get("state").asText());
        } finally {
            other.stop();
        }
    }
}
