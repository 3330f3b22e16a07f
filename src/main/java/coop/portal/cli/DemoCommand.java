package coop.portal.cli;

import coop.portal.http.PartnerDemo;
import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portal demo}: serves the demo partner page, which embeds the search widget of a running
 * portal, on a port of its own, so the widget is seen as on a partner's site: another origin.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve a demo partner page that embeds the portal's search widget, from another origin (port) than the portal.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7071", description = "Port of the demo page (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--portal", defaultValue = "http://localhost:7070",
            description = "The running portal whose widget the page embeds (default: ${DEFAULT-VALUE}).")
    String portal;

    @Override
    public Integer call() throws Exception {
        Javalin app = PartnerDemo.create(URI.create(portal.strip()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }));
        app.start(host, port);
        System.out.printf("Serving the demo partner page at http://%s:%d/ (widget from %s)%n", host, app.port(), portal.strip());
        stopped.await();
        return 0;
    }
}
