package coop.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow ingest → index → search → http, and each imports only what
 * its place in that flow allows.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/coop/portal");

    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "record", List.of("org.apache.lucene", "io.javalin", "org.apache.tika", "org.jsoup", "coop.portal."),
            "vocab", List.of("org.apache.lucene", "io.javalin", "org.apache.tika", "org.jsoup", "coop.portal.ingest",
                    "coop.portal.index", "coop.portal.search", "coop.portal.http"),
            "ingest", List.of("org.apache.lucene", "io.javalin", "coop.portal.index", "coop.portal.search", "coop.portal.http"),
            "index", List.of("io.javalin", "org.apache.tika", "org.jsoup", "coop.portal.ingest", "coop.portal.search",
                    "coop.portal.http"),
            "search", List.of("io.javalin", "org.apache.tika", "org.jsoup", "coop.portal.ingest", "coop.portal.http"),
            "http", List.of("org.apache.lucene", "org.apache.tika", "org.jsoup", "coop.portal.ingest", "coop.portal.index"));

    @Test
    void packagesImportOnlyWhatTheDataFlowAllows() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(rule.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        String l = line.strip();
                        if (!l.startsWith("import ")) {
                            continue;
                        }
                        for (String forbidden : rule.getValue()) {
                            boolean own = forbidden.equals("coop.portal.") && l.contains("coop.portal." + rule.getKey() + ".");
                            if (l.contains(forbidden) && !own) {
                                violations.add(SOURCES.relativize(f) + ": " + l);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
