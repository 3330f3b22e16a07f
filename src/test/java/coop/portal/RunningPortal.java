package coop.portal;

import coop.portal.http.PortalServer;
import coop.portal.search.Searcher;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real portal on a random port of 127.0.0.1, as {@code portal serve} runs it: over the founding
 * corpus ({@link Fixtures#foundingIndex()}) or over an index a test made.
 */
public final class RunningPortal implements AutoCloseable {

    private final Searcher searcher;
    private final Javalin server;

    private RunningPortal(Path index) throws IOException {
        searcher = Searcher.open(index, Fixtures.vocabulary());
        server = PortalServer.create(searcher, PortalServer.Options.defaults()).start("127.0.0.1", 0);
    }

    /** The portal over the 66 records of the founding corpus. */
    public static RunningPortal founding() throws IOException {
        return new RunningPortal(Fixtures.foundingIndex());
    }

    /** The portal over the records of a corpus folder, ingested into {@code index}. */
    public static RunningPortal over(Path corpus, Path index) throws IOException {
        Fixtures.ingest(corpus, index);
        return new RunningPortal(index);
    }

    public int port() {
        return server.port();
    }

    /** The portal's root, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String url(String pathAndQuery) {
        return base() + pathAndQuery;
    }

    @Override
    public void close() throws IOException {
        server.stop();
        searcher.close();
    }
}
