package coop.portal.cli;

import coop.portal.CorpusIngest;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr while files are ingested, drawn only when a person is watching a terminal. */
final class TerminalProgress implements CorpusIngest.Progress, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;
    private boolean reading;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    static TerminalProgress create() {
        return new TerminalProgress(interactive());
    }

    /** A console that is a terminal; from Java 22 on, {@code System.console()} exists even when output is redirected. */
    private static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    @Override
    public void start(int files) {
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName("Ingest").setInitialMax(files).setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII).clearDisplayOnFinish().build();
        }
    }

    @Override
    public void file(String relative) {
        if (bar != null) {
            if (reading) {
                bar.step();
            }
            bar.setExtraMessage(relative.length() > 30 ? "…" + relative.substring(relative.length() - 29) : relative);
            reading = true;
        }
    }

    @Override
    public void done() {
        if (bar != null && reading) {
            bar.step();
        }
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
