package coop.portal.http;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the ingests of the serving process and how many failed: the one {@code portal serve}
 * runs at start-up and those the admin API starts. The composition root records the first, the
 * server the others; {@code /metrics} reports both. Thread-safe.
 */
public final class IngestRuns {

    /** What started an ingest. */
    public enum Trigger { STARTUP, ADMIN }

    private final Map<Trigger, AtomicLong> runs = new EnumMap<>(Trigger.class);
    private final Map<Trigger, AtomicLong> failures = new EnumMap<>(Trigger.class);

    public IngestRuns() {
        for (Trigger t : Trigger.values()) {
            runs.put(t, new AtomicLong());
            failures.put(t, new AtomicLong());
        }
    }

    /** Counts one ingest that ended, well or not. */
    public void finished(Trigger trigger, boolean succeeded) {
        runs.get(trigger).incrementAndGet();
        if (!succeeded) {
            failures.get(trigger).incrementAndGet();
        }
    }

    long runs(Trigger trigger) {
        return runs.get(trigger).get();
    }

    long failures(Trigger trigger) {
        return failures.get(trigger).get();
    }
}
