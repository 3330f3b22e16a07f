package coop.portal.cli;

import coop.portal.CorpusIngest;
import coop.portal.IngestReport;
import coop.portal.http.IngestRuns;
import coop.portal.http.PortalServer;
import coop.portal.http.Reindex;
import coop.portal.index.IndexState;
import coop.portal.search.SearchLimits;
import coop.portal.search.Searcher;
import coop.portal.vocab.Vocabulary;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portal serve}: brings the index up to date with the corpus when it is missing or older,
 * then serves the portal until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the portal (ingesting the corpus first if the index is missing or older than the corpus).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:PORTAL_PORT:-7070}", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:PORTAL_HOST:-localhost}",
            description = "Interface to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:PORTAL_INDEX:-index}", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:PORTAL_CORPUS:-corpus}", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--web", paramLabel = "DIR", defaultValue = "${env:PORTAL_WEB}",
            description = "Serve the web page from this folder instead of the copy in the jar (for editing it live).")
    Path web;

    @Option(names = "--result-cache", paramLabel = "N", defaultValue = "${env:PORTAL_RESULT_CACHE:-1024}",
            description = "Searches (ranked hits and facet counts) kept per view of the index; 0 turns the cache off (default: ${DEFAULT-VALUE}).")
    int resultCache;

    @Option(names = "--max-query-length", paramLabel = "N", defaultValue = "${env:PORTAL_MAX_QUERY_LENGTH:-1000}",
            description = "Longest query text, in characters (default: ${DEFAULT-VALUE}).")
    int maxQueryLength;

    @Option(names = "--max-clauses", paramLabel = "N", defaultValue = "${env:PORTAL_MAX_CLAUSES:-1024}",
            description = "Most clauses a query may expand to (default: ${DEFAULT-VALUE}).")
    int maxClauses;

    @Option(names = "--max-filters", paramLabel = "N", defaultValue = "${env:PORTAL_MAX_FILTERS:-100}",
            description = "Most facet values one search may select (default: ${DEFAULT-VALUE}).")
    int maxFilters;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "${env:PORTAL_MAX_DEPTH:-10000}",
            description = "Deepest hit a page may reach, page x size (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--search-timeout", paramLabel = "MS", defaultValue = "${env:PORTAL_SEARCH_TIMEOUT_MS:-2000}",
            description = "Milliseconds a search may take before it is stopped (default: ${DEFAULT-VALUE}).")
    long searchTimeoutMs;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:PORTAL_ADMIN_TOKEN}",
            description = "Bearer token of the admin API (/api/admin/...); without one the admin API is off. "
                    + "Prefer the environment variable PORTAL_ADMIN_TOKEN: a flag shows in the process list.")
    String adminToken;

    @Option(names = "--private-metrics", defaultValue = "${env:PORTAL_PRIVATE_METRICS:-false}",
            description = "Ask for the admin token on /metrics too; needs an admin token (default: ${DEFAULT-VALUE}).")
    boolean privateMetrics;

    @Override
    public Integer call() throws Exception {
        Searcher.Options options = searchOptions();
        if (privateMetrics && (adminToken == null || adminToken.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--private-metrics needs an admin token (--admin-token or PORTAL_ADMIN_TOKEN)");
        }
        IngestRuns ingestRuns = new IngestRuns();
        if (needsIngest()) {
            // A failed start-up ingest ends serve, so only finished ones are left to count.
            IngestReport report = IngestCommand.run(corpus, index, 50);
            ingestRuns.finished(IngestRuns.Trigger.STARTUP, true);
            report.print(System.out);
        }
        Searcher searcher = Searcher.open(index, Vocabulary.load(), options);
        boolean webFolder = web != null && !web.toString().isBlank();
        Reindex reindex = () -> {
            IngestReport report = IngestCommand.run(corpus, index, 50, CorpusIngest.Progress.NONE);
            searcher.refresh();
            return report.summary();
        };
        Javalin app = PortalServer.create(searcher,
                new PortalServer.Options(webFolder ? web : null, adminToken, reindex, ingestRuns, privateMetrics));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                searcher.close();
            } catch (IOException ignored) {
                // Shutting down anyway.
            }
            stopped.countDown();
        }));
        app.start(host, port);
        System.out.printf("Serving %d records at http://%s:%d/%n", searcher.count(), host, app.port());
        stopped.await();
        return 0;
    }

    /** The search options from the flags, or a usage error naming what is wrong. */
    private Searcher.Options searchOptions() {
        positive(maxQueryLength, "--max-query-length");
        positive(maxClauses, "--max-clauses");
        positive(maxFilters, "--max-filters");
        positive(maxDepth, "--max-depth");
        positive(searchTimeoutMs, "--search-timeout");
        if (resultCache < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--result-cache must be 0 or more");
        }
        try {
            SearchLimits limits = new SearchLimits(maxQueryLength, maxClauses, maxFilters, maxDepth,
                    Duration.ofMillis(searchTimeoutMs));
            return new Searcher.Options(resultCache, limits);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void positive(long value, String flag) {
        if (value < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be 1 or more");
        }
    }

    /** True if the index is missing, was written by another schema version, or is older than a corpus file. */
    private boolean needsIngest() throws IOException {
        Optional<IndexState> state = IndexState.read(index);
        if (state.isEmpty() || !state.get().current()) {
            return true;
        }
        return newestChange(corpus).isAfter(state.get().committed());
    }

    private static Instant newestChange(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            return Instant.EPOCH;
        }
        try (Stream<Path> paths = Files.walk(corpus)) {
            return paths.map(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                    return Instant.EPOCH;
                }
            }).max(Instant::compareTo).orElse(Instant.EPOCH);
        }
    }
}
