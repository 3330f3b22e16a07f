package coop.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Faults only the operating system can make, for tests that run the portal as a child process:
 * a folder the process may not read even when the tests run as root, and a disk that fills up.
 * Where the system does not allow one, the test asking for it is skipped with the reason, rather
 * than passing without having seen the fault.
 */
final class SystemTools {

    /** Root's capabilities that let it read and search any folder whatever its permissions. */
    private static final String SETPRIV = "setpriv";
    private static final String READ_ANYTHING = "-dac_override,-dac_read_search";
    private static final int SECONDS = 180;

    private SystemTools() {
    }

    /**
     * A prefix for a command line under which the command obeys file permissions: nothing for
     * an ordinary user; for root, {@code setpriv} dropping the capabilities that let root read
     * any folder. Skips the test if neither works here, having tried on a folder no one may read.
     */
    static List<String> asUserWhoObeysPermissions() throws IOException, InterruptedException {
        Path probe = Files.createTempDirectory("unreadable");
        try {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
            if (!Files.isReadable(probe)) {
                return List.of();
            }
            List<String> prefix = List.of(SETPRIV, "--bounding-set=" + READ_ANYTHING, "--inh-caps=-all");
            List<String> probeCommand = new ArrayList<>(prefix);
            probeCommand.addAll(List.of("ls", probe.toString()));
            int exit;
            try {
                exit = PortalProcess.run(probeCommand, SECONDS).exit();
            } catch (IOException noSetpriv) {
                exit = 0;
            }
            Assumptions.assumeTrue(exit != 0, "running as root, and setpriv cannot take root's right to read any folder away here: "
                    + "an unreadable index folder cannot be made");
            return prefix;
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));
            Files.delete(probe);
        }
    }

    /** Two ingests onto a small disk and what was left on it, copied off before the disk went away. */
    record FullDiskRun(PortalProcess.Result first, PortalProcess.Result second, Path indexAfter) {
    }

    /**
     * Ingests {@code corpus}, then {@code bigger}, into an index on a tmpfs of {@code megabytes}
     * MB, mounted in a user and mount namespace of their own ({@code unshare}), so no privilege
     * is needed where the kernel allows unprivileged user namespaces. The mount lives as long as
     * the namespace, so both ingests and the copy of the index run in one shell inside it.
     * Skips the test if no such disk can be made here.
     */
    static FullDiskRun ingestOntoASmallDisk(Path work, Path corpus, Path bigger, int megabytes)
            throws IOException, InterruptedException {
        Path disk = Files.createDirectories(work.resolve("disk"));
        Path index = disk.resolve("index");
        Path after = work.resolve("index-after");
        String script = String.join("\n",
                "mount -t tmpfs -o size=" + megabytes + "m tmpfs " + quoted(disk) + " || exit 90",
                run("first", work, PortalProcess.command("ingest", "--corpus", corpus.toString(), "--index", index.toString())),
                run("second", work, PortalProcess.command("ingest", "--corpus", bigger.toString(), "--index", index.toString())),
                "cp -R " + quoted(index) + " " + quoted(after),
                "");
        Path scriptFile = work.resolve("small-disk.sh");
        Files.writeString(scriptFile, script);
        PortalProcess.Result shell;
        try {
            shell = PortalProcess.run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", scriptFile.toString()), SECONDS);
        } catch (IOException noUnshare) {
            shell = new PortalProcess.Result(-1, "", List.of(noUnshare.getMessage()));
        }
        Assumptions.assumeTrue(shell.exit() == 0, "a small disk cannot be mounted here (unshare and tmpfs in a user "
                + "namespace): " + String.join(" ", shell.stderr()));
        return new FullDiskRun(result(work, "first"), result(work, "second"), after);
    }

    /** A line of the script that runs a command, keeping its output and exit code in files named after it. */
    private static String run(String name, Path work, List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append(quoted(part)).append(' ');
        }
        return line + "> " + quoted(work.resolve(name + ".out")) + " 2> " + quoted(work.resolve(name + ".err"))
                + "; echo $? > " + quoted(work.resolve(name + ".exit"));
    }

    private static PortalProcess.Result result(Path work, String name) throws IOException {
        return new PortalProcess.Result(Integer.parseInt(Files.readString(work.resolve(name + ".exit")).strip()),
                Files.readString(work.resolve(name + ".out")), Files.readString(work.resolve(name + ".err")).lines().toList());
    }

    private static String quoted(Object value) {
        return "'" + value.toString().replace("'", "'\\''") + "'";
    }
}
