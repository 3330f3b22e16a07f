package coop.portal.web;

import coop.portal.Fixtures;
import coop.portal.http.PortalServer;
import coop.portal.search.Searcher;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real portal on a random port of 127.0.0.1, as {@code portal serve} runs it: over the founding
 * corpus (ingested once per test run into a temporary folder) or over an index a test made.
 */
final class RunningPortal implements AutoCloseable {

    private static Path foundingIndex;

    private final Searcher searcher;
    private final Javalin server;

    private RunningPortal(Path index) throws IOException {
        searcher = Searcher.open(index, Fixtures.vocabulary());
        server = PortalServer.create(searcher, PortalServer.Options.defaults()).start("127.0.0.1", 0);
    }

    /** The portal over the 66 records of the founding corpus. */
    static RunningPortal founding() throws IOException {
        return new RunningPortal(foundingIndex());
    }

    /** The portal over the records of a corpus folder, ingested into {@code index}. */
    static RunningPortal over(Path corpus, Path index) throws IOException {
        Fixtures.ingest(corpus, index);
        return new RunningPortal(index);
    }

    private static synchronized Path foundingIndex() throws IOException {
        if (foundingIndex == null) {
            Path dir = Files.createTempDirectory("portal-web-index-");
            Fixtures.ingest(Fixtures.CORPUS, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            foundingIndex = dir;
        }
        return foundingIndex;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    /** The portal's root, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String url(String pathAndQuery) {
        return base() + pathAndQuery;
    }

    @Override
    public void close() throws IOException {
        server.stop();
        searcher.close();
    }
}
