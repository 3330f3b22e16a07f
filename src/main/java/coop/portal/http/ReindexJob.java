package coop.portal.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs {@link Reindex} in the background, one run at a time, and remembers the current or last
 * run for {@code GET /api/admin/reindex}. Thread-safe; {@link #close()} stops a run in progress
 * (the previous index stays in place, as after any interrupted ingest).
 */
final class ReindexJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReindexJob.class.getName());
    private static final int MAX_ERROR = 500;

    enum State { IDLE, RUNNING, SUCCEEDED, FAILED }

    /**
     * A run of the re-ingest.
     *
     * @param summary what the ingest did, once it succeeded; else null
     * @param error   why it failed, in one line; else null
     */
    record Run(State state, Instant started, Instant finished, Map<String, Object> summary, String error) {
        static final Run NONE = new Run(State.IDLE, null, null, null, null);
    }

    private final Reindex reindex;
    private final IngestRuns ingestRuns;
    private final ExecutorService worker;
    private Run last = Run.NONE;

    /**
     * @param reindex    what to run, or null if this server cannot re-ingest
     * @param ingestRuns where each run is counted when it ends
     */
    ReindexJob(Reindex reindex, IngestRuns ingestRuns) {
        this.reindex = reindex;
        this.ingestRuns = ingestRuns;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reindex");
            t.setDaemon(true);
            return t;
        });
    }

    boolean available() {
        return reindex != null;
    }

    /** Starts a run; empty if one is running already. */
    synchronized Optional<Run> start() {
        if (reindex == null) {
            throw new IllegalStateException("this server has no re-ingest");
        }
        if (last.state() == State.RUNNING) {
            return Optional.empty();
        }
        Run run = new Run(State.RUNNING, now(), null, null, null);
        last = run;
        worker.execute(() -> run(run.started()));
        return Optional.of(run);
    }

    synchronized Run last() {
        return last;
    }

    private void run(Instant started) {
        Run done = null;
        try {
            Map<String, Object> summary = reindex.run();
            done = new Run(State.SUCCEEDED, started, now(), summary, null);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "re-ingest failed; the previous index stays in place", e);
            done = new Run(State.FAILED, started, now(), null, oneLine(e));
        } finally {
            // An Error must not leave the job "running" for ever, refusing every later run.
            if (done == null) {
                done = new Run(State.FAILED, started, now(), null, "the re-ingest stopped on an internal error");
            }
            ingestRuns.finished(IngestRuns.Trigger.ADMIN, done.state() == State.SUCCEEDED);
            synchronized (this) {
                last = done;
            }
        }
    }

    private static String oneLine(Exception e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.strip().lines().findFirst().orElse("");
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) + "…" : message;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
