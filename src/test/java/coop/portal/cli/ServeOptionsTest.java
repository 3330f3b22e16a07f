package coop.portal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options of {@code portal serve}: each has an environment variable, and the README's table lists both. */
class ServeOptionsTest {

    private static final Pattern ENV = Pattern.compile("^\\$\\{env:(PORTAL_[A-Z_]+)(:-.*)?}$");

    @Test
    void everyServeFlagHasAnEnvironmentVariableAndARowInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            Matcher env = ENV.matcher(String.valueOf(option.defaultValueString(false)));
            if (!env.matches()) {
                missing.add(option.longestName() + " has no environment variable");
            } else if (!readme.contains("| `" + option.longestName() + "` | `" + env.group(1) + "` |")) {
                missing.add(option.longestName() + " / " + env.group(1) + " is not in the README's table");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void privateMetricsWithoutAnAdminTokenIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err));
        int exit = cli.execute("--private-metrics", "--admin-token", " ", "--corpus", dir.resolve("corpus").toString(),
                "--index", dir.resolve("index").toString());
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--private-metrics needs an admin token"), err.toString());
    }
}
