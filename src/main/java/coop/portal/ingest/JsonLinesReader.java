package coop.portal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.record.ClusterTag;
import coop.portal.record.Record;
import coop.portal.record.RecordJson;
import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterTaxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads ready-made records, one JSON object per line, in the shape of {@code /api/export}
 * (see {@link RecordJson} for the synonyms it accepts). A bad line is skipped with its line
 * number and the rest is read. Clusters of the taxonomy get their group; others are kept as
 * they are, without a group. A record without a title is titled by its opening words.
 */
final class JsonLinesReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_WARNINGS = 20;

    private final ClusterTaxonomy taxonomy;
    /** Canonical form of each cluster name met, looked up once: the records of a file repeat a few. */
    private final Map<String, Optional<Cluster>> canonical = new ConcurrentHashMap<>();

    JsonLinesReader(ClusterTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Streams the records of a file to {@code sink}.
     *
     * @return one line per skipped line, at most {@value #MAX_WARNINGS} plus a count of the rest
     */
    List<String> read(Path file, String origin, Consumer<Record> sink) throws UnreadableDocumentException {
        List<String> warnings = new java.util.ArrayList<>();
        Set<String> ids = new HashSet<>();
        int skipped = 0;
        int read = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String problem;
                try {
                    Record r = canonical(RecordJson.fromJson(MAPPER.readTree(line)), origin);
                    if (ids.add(r.id())) {
                        sink.accept(r);
                        read++;
                        continue;
                    }
                    problem = "duplicate id \"" + r.id() + "\"";
                } catch (JsonProcessingException e) {
                    problem = "invalid JSON: " + e.getOriginalMessage();
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                if (++skipped <= MAX_WARNINGS) {
                    warnings.add("line " + number + " skipped: " + problem);
                }
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("cannot be read: " + TikaExtractor.oneLine(e), e);
        }
        if (skipped > MAX_WARNINGS) {
            warnings.add((skipped - MAX_WARNINGS) + " more lines skipped");
        }
        if (read == 0) {
            throw new UnreadableDocumentException(skipped == 0 ? "no records" : "no valid records (" + skipped + " bad lines)");
        }
        return warnings;
    }

    private Record canonical(Record r, String origin) {
        List<ClusterTag> clusters = r.clusterDetails().stream()
                .map(c -> canonical.computeIfAbsent(c.name(), taxonomy::cluster)
                        .map(k -> new ClusterTag(k.name(), k.group(), c.source(), c.evidence()))
                        .orElse(c))
                .toList();
        // A record without a title is titled as a document without one is: by its opening words.
        String title = r.title().isBlank() ? SingleDocumentLayout.openingWords(r.text()) : r.title();
        return r.toBuilder()
                .title(title)
                .clusterDetails(clusters)
                .source(r.source() != null ? r.source() : origin)
                .build();
    }
}
