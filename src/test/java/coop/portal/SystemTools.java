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
 * a folder the process may not read even when the tests run as root.
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
}
