package coop.portal;

import coop.portal.cli.DemoCommand;
import coop.portal.cli.EvaluateCommand;
import coop.portal.cli.ExportCommand;
import coop.portal.cli.IngestCommand;
import coop.portal.cli.ServeCommand;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root and command line: {@code serve}, {@code ingest} and {@code export}. Only
 * here do all packages meet: ingest feeds index through {@link CorpusIngest}, search reads it,
 * and http serves search.
 */
@Command(name = "portal", mixinStandardHelpOptions = true, version = "Cooperation Portal 0.1.0",
        description = "Search portal over the documents of the EU-China urban and regional cooperation programmes.",
        subcommands = {ServeCommand.class, IngestCommand.class, ExportCommand.class, EvaluateCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /*
     * Lucene tells on every start that the incubating vector API is not enabled. Measured: it
     * makes no difference to our searches, so the notice is noise. Held here because the JDK
     * keeps loggers only weakly.
     */
    private static final Logger VECTOR_NOTICE = Logger.getLogger("org.apache.lucene.internal.vectorization");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        VECTOR_NOTICE.setLevel(Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // A failure is one line on stderr and a non-zero exit code, never a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            return 1;
        });
        return cli;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
