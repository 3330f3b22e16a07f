package coop.portal;

import coop.portal.cli.DemoCommand;
import coop.portal.cli.EvaluateCommand;
import coop.portal.cli.ExportCommand;
import coop.portal.cli.IngestCommand;
import coop.portal.cli.ServeCommand;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        if (t instanceof FileSystemException f && f.getReason() == null) {
            // These say only which file; what happened to it is in their type.
            return f.getFile() + ": " + reason(f);
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String reason(FileSystemException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or folder";
            case FileAlreadyExistsException exists -> "is in the way: a file of that name already exists";
            case NotDirectoryException notFolder -> "is not a folder";
            default -> e.getClass().getSimpleName();
        };
    }
}
