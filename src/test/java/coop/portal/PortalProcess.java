package coop.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code portal} command run as a process of its own, as in production: the JVM running the
 * tests, on their class path, with the native access the jar's manifest grants. A command line
 * may be put under a wrapper ({@code setpriv}, {@code unshare}) that changes what it may do.
 */
public final class PortalProcess {

    private PortalProcess() {
    }

    /** How a finished command ended; stderr as its lines. */
    public record Result(int exit, String stdout, List<String> stderr) {
    }

    /** The command line of {@code portal args...}. */
    public static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a command line to its end; a command still running after the given seconds is killed and fails the test. */
    public static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + seconds + " s: " + shown(command));
        }
        return new Result(p.exitValue(), out.join(), err.join().lines().toList());
    }

    /**
     * Reads a stream to its end on a thread of its own, so that a chatty process never blocks on
     * a full pipe (the common pool may have a single thread, and stdout would starve stderr).
     */
    public static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "drain");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** The command line without the class path, for messages. */
    public static String shown(List<String> command) {
        int main = command.indexOf(Main.class.getName());
        return String.join(" ", main < 0 ? command : command.subList(main + 1, command.size()));
    }
}
