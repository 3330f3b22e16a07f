package coop.portal.http;

import coop.portal.search.Searcher;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The server's meters, for {@code GET /metrics} in Prometheus' text format: requests by route
 * template, method and status with their latency; searches and zero-result searches; the index's
 * records and bytes on disk; ingest runs and failures; and the JVM's memory, garbage collection,
 * threads, classes, processor and uptime. Each server has a registry of its own, so servers in one
 * process (tests) do not count into each other. Close it when the server stops.
 */
final class ServerMetrics implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The label of every request no route matched: web files, Javalin's own HEAD answers, unknown paths. */
    static final String UNMATCHED = "unmatched";

    /** Latency buckets, from a cached search to the search timeout and beyond. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};
    /** Methods a label may name; any other is "other", so clients cannot add label values at will. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(Searcher searcher, SearchAnalytics analytics, IngestRuns ingestRuns) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder("portal.searches", analytics, SearchAnalytics::searches)
                .description("Searches with a query, every page and filter change counted").register(registry);
        FunctionCounter.builder("portal.searches.zero.results", analytics, SearchAnalytics::zeroResultSearches)
                .description("Searches with a query that found nothing").register(registry);
        FunctionCounter.builder("portal.browses", analytics, SearchAnalytics::browses)
                .description("Searches without a query, browsing the records").register(registry);
        Gauge.builder("portal.index.records", searcher, ServerMetrics::records)
                .description("Records in the index the server searches").register(registry);
        Gauge.builder("portal.index.size", searcher, ServerMetrics::bytes).baseUnit(BaseUnits.BYTES)
                .description("Bytes of the index folder on disk").register(registry);
        for (IngestRuns.Trigger trigger : IngestRuns.Trigger.values()) {
            String label = trigger.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("portal.ingest.runs", ingestRuns, r -> r.runs(trigger)).tag("trigger", label)
                    .description("Ingests that ended, at start-up or started by the admin API").register(registry);
            FunctionCounter.builder("portal.ingest.failures", ingestRuns, r -> r.failures(trigger)).tag("trigger", label)
                    .description("Ingests that failed, leaving the previous index in place").register(registry);
        }
    }

    /** Times one answered request, labelled with its route template, never its path: the labels stay few. */
    void request(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String method = ctx.req().getMethod();
        Timer.builder("http.server.requests")
                .description("Requests answered, by method, route template and status")
                .tag("method", METHODS.contains(method) ? method : "other")
                .tag("route", endpoint == null ? UNMATCHED : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    private static double records(Searcher searcher) {
        try {
            return searcher.count();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double bytes(Searcher searcher) {
        try {
            return searcher.sizeOnDisk();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
