package coop.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL while it ingests, at start-up or on a re-ingest asked for over
 * HTTP, leaves an index that Lucene finds sound and that holds one complete set of records: the
 * one before the ingest or the one after, never a mix. The server runs as its own process,
 * {@code portal serve}, as in production.
 */
class KilledServerTest {

    private static final String TOKEN = "killed-server-test-token";
    private static final Pattern SERVING = Pattern.compile("Serving \\d+ records at (http://\\S+)/");

    @Test
    void aServerKilledWhileItIngestsLeavesOneCompleteSetOfRecords(@TempDir Path work) throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Path index = work.resolve("index");
        for (Path f : Files.list(Fixtures.CORPUS).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
        }
        Fixtures.ingest(corpus, index);
        Set<String> founding = IndexCheck.ids(index);
        Path extra = corpus.resolve("extra.jsonl");
        Corpora.writeRecords(extra, 40_000);
        Set<String> bigger = withExtra(founding, 40_000);
        Random random = new Random(20261125);
        List<String> kills = new ArrayList<>();

        // Killed while the start-up ingest runs (the corpus is newer than the index).
        for (int round = 0; round < 2; round++) {
            Process server = serve(corpus, index);
            long wait = 300 + random.nextInt(2500);
            if (!server.waitFor(wait, TimeUnit.MILLISECONDS)) {
                server.destroyForcibly().waitFor();
                kills.add("start-up ingest at " + wait + " ms");
            }
            assertOneOf(index, founding, bigger, "after a kill at start-up, " + wait + " ms in");
        }

        // Killed while a re-ingest asked for over HTTP runs, the server answering searches meanwhile.
        for (int round = 0; round < 2; round++) {
            Process server = serve(corpus, index);
            String base = awaitServing(server);
            assertEquals(bigger, IndexCheck.ids(index), "the start-up ingest completes when left alone");
            int n = 20_000 + 5_000 * round;
            Corpora.writeRecords(extra, n);
            Set<String> smaller = withExtra(founding, n);
            assertEquals(202, post(base + "/api/admin/reindex").statusCode());
            long wait = 200 + random.nextInt(1500);
            Thread.sleep(wait);
            assertEquals(200, get(base + "/api/search?q=dairy").statusCode(), "searches are answered during the re-ingest");
            boolean running = get(base + "/api/admin/reindex", TOKEN).body().contains("\"state\":\"running\"");
            server.destroyForcibly().waitFor();
            if (running) {
                kills.add("re-ingest at " + wait + " ms");
            }
            assertOneOf(index, bigger, smaller, "after a kill during a re-ingest, " + wait + " ms in");
            Corpora.writeRecords(extra, 40_000); // newer than any commit: the next start ingests it again
        }
        assertFalse(kills.isEmpty(), "at least one ingest was killed midway");
        System.out.println("Killed midway: " + kills);

        Process server = serve(corpus, index);
        awaitServing(server);
        server.destroyForcibly().waitFor();
        assertEquals(bigger, IndexCheck.ids(index), "the next start completes the ingest: " + kills);
    }

    private static void assertOneOf(Path index, Set<String> before, Set<String> after, String when) throws Exception {
        IndexCheck.assertSound(index);
        Set<String> ids = IndexCheck.ids(index);
        assertTrue(ids.equals(before) || ids.equals(after), when + " the index holds " + ids.size()
                + " records, neither the " + before.size() + " before nor the " + after.size() + " after");
    }

    private static Set<String> withExtra(Set<String> founding, int n) {
        Set<String> ids = new HashSet<>(founding);
        IntStream.range(0, n).forEach(i -> ids.add("extra-" + i));
        return ids;
    }

    private static Process serve(Path corpus, Path index) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PortalProcess.command("serve", "--host", "127.0.0.1", "--port", "0",
                "--corpus", corpus.toString(), "--index", index.toString()));
        pb.environment().put("PORTAL_ADMIN_TOKEN", TOKEN);
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        return p;
    }

    /** The server's address once it says it serves; reads the rest of its output on a thread of its own. */
    private static String awaitServing(Process server) throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
                address.completeExceptionally(new AssertionError("the server stopped before serving"));
            } catch (Exception e) {
                address.completeExceptionally(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return address.get(3, TimeUnit.MINUTES);
    }

    private static HttpResponse<String> post(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String... token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        for (String t : token) {
            request.header("Authorization", "Bearer " + t);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
