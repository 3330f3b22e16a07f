package coop.portal.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * The time the search running on the current thread may take. Lucene's time-limited scoring
 * asks it between blocks of documents and stops a search that has passed it; the searcher then
 * learns from {@link #end()} that its results are incomplete. Searches the deadline was not
 * started for (suggestions, recommendations) are not limited.
 */
final class SearchDeadline implements QueryTimeout {

    private static final class State {
        boolean running;
        long until;
        boolean passed;
    }

    private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

    void start(Duration allowed) {
        State s = state.get();
        s.running = true;
        s.until = System.nanoTime() + allowed.toNanos();
        s.passed = false;
    }

    /** Ends the current thread's search; true if it ran past its deadline and was cut short. */
    boolean end() {
        State s = state.get();
        s.running = false;
        return s.passed;
    }

    @Override
    public boolean shouldExit() {
        State s = state.get();
        if (!s.running) {
            return false;
        }
        if (!s.passed && System.nanoTime() - s.until > 0) {
            s.passed = true;
        }
        return s.passed;
    }
}
