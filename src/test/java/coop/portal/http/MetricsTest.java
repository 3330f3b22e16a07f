package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} of a real server over a real index, read as Prometheus reads it. */
class MetricsTest {

    private static final String TOKEN = "metrics-test-token-19c2";
    private static final String HOHHOT = "/api/documents/001-8f1dec18a3d5d143--hohhot";

    private static final Path index = Fixtures.foundingIndex();
    private static Searcher searcher;

    @BeforeAll
    static void open() throws Exception {
        searcher = Searcher.open(index, Fixtures.vocabulary());
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    private static Javalin start(PortalServer.Options options) {
        return PortalServer.create(searcher, options).start("127.0.0.1", 0);
    }

    /** The value of the one sample whose name is {@code name} and whose labels include all of {@code labels}. */
    private static double sample(String metrics, String name, String... labels) {
        List<String> lines = metrics.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Stream.of(labels).allMatch(l::contains))
                .toList();
        assertEquals(1, lines.size(), name + " " + List.of(labels) + " in\n" + lines);
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String scrape(Javalin server) throws Exception {
        HttpResponse<String> r = Http.get(server.port(), "/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
        return r.body();
    }

    @Test
    void requestsAreCountedAndTimedByRouteTemplateNeverByPath() throws Exception {
        Javalin server = start(PortalServer.Options.defaults());
        try {
            Http.get(server.port(), HOHHOT);
            Http.get(server.port(), "/api/documents/002-9d29e5ca3dc93465--kunming");
            Http.get(server.port(), "/api/documents/no-such-record");
            Http.get(server.port(), "/no/such/path");
            Http.send(server.port(), "POST", "/api/search", null);
            Http.send(server.port(), "BREW", "/api/search", null);
            String m = scrape(server);
            String count = "http_server_requests_seconds_count";
            assertEquals(2, sample(m, count, "route=\"/api/documents/{id}\"", "status=\"200\"", "method=\"GET\""));
            assertEquals(1, sample(m, count, "route=\"/api/documents/{id}\"", "status=\"404\""));
            assertEquals(1, sample(m, count, "route=\"unmatched\"", "status=\"404\""));
            assertEquals(1, sample(m, count, "route=\"unmatched\"", "status=\"405\"", "method=\"POST\""));
            assertEquals(1, sample(m, count, "status=\"405\"", "method=\"other\""));
            assertEquals(2, sample(m, "http_server_requests_seconds_bucket", "route=\"/api/documents/{id}\"",
                    "status=\"200\"", "le=\"5.0\""), "latency buckets up to the slowest we expect");
            for (String path : List.of("hohhot", "no-such-record", "/no/such/path", "BREW")) {
                assertFalse(m.contains(path), path + " must not become a label");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void searchesIndexAndJvmAreMeasured() throws Exception {
        Javalin server = start(PortalServer.Options.defaults());
        try {
            for (String q : List.of("dairy", "Dairy", "xyzzyqwertyuiop", "", "dairy&size=0")) {
                Http.get(server.port(), "/api/search?q=" + q);
            }
            String m = scrape(server);
            assertEquals(2 + 1, sample(m, "portal_searches_total"));
            assertEquals(1, sample(m, "portal_searches_zero_results_total"));
            assertEquals(1, sample(m, "portal_browses_total"));
            assertEquals(66, sample(m, "portal_index_records"));
            long onDisk;
            try (Stream<Path> files = Files.list(index)) {
                onDisk = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            assertEquals(onDisk, sample(m, "portal_index_size_bytes"));
            for (String jvm : List.of("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                    "system_cpu_count ", "process_uptime_seconds ", "jvm_gc_memory_allocated_bytes_total ")) {
                assertTrue(m.contains("\n" + jvm), jvm);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void ingestRunsAndFailuresAreCountedFromStartUpAndFromTheAdminApi(@TempDir Path work) throws Exception {
        IngestRuns runs = new IngestRuns();
        runs.finished(IngestRuns.Trigger.STARTUP, true);
        Path notAFolder = Files.writeString(work.resolve("metrics-not-a-folder"), "not an index");
        boolean[] fail = {false};
        Reindex reindex = () -> fail[0] ? Fixtures.ingest(Fixtures.CORPUS, notAFolder).summary() : Map.of("records", 66);
        Javalin server = start(new PortalServer.Options(null, TOKEN, reindex, runs, false));
        try {
            reindexOnce(server);
            fail[0] = true;
            reindexOnce(server);
            String m = scrape(server);
            assertEquals(1, sample(m, "portal_ingest_runs_total", "trigger=\"startup\""));
            assertEquals(0, sample(m, "portal_ingest_failures_total", "trigger=\"startup\""));
            assertEquals(2, sample(m, "portal_ingest_runs_total", "trigger=\"admin\""));
            assertEquals(1, sample(m, "portal_ingest_failures_total", "trigger=\"admin\""));
        } finally {
            server.stop();
            Files.delete(notAFolder);
        }
    }

    private static void reindexOnce(Javalin server) throws Exception {
        String bearer = "Bearer " + TOKEN;
        assertEquals(202, Http.send(server.port(), "POST", "/api/admin/reindex", bearer).statusCode());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Http.send(server.port(), "GET", "/api/admin/reindex", bearer).body().contains("\"running\"")) {
            assertTrue(Instant.now().isBefore(deadline), "the re-ingest ends");
            Thread.sleep(20);
        }
    }

    @Test
    void privateMetricsAskForTheAdminToken() throws Exception {
        Javalin server = start(new PortalServer.Options(null, TOKEN, null, null, true));
        try {
            HttpResponse<String> anonymous = Http.get(server.port(), "/metrics");
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> admin = Http.send(server.port(), "GET", "/metrics", "Bearer " + TOKEN);
            assertEquals(200, admin.statusCode());
            assertTrue(admin.body().contains("portal_index_records 66"), admin.body());
        } finally {
            server.stop();
        }
        assertThrows(IllegalArgumentException.class, () -> new PortalServer.Options(null, null, null, null, true));
    }
}
