package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import coop.portal.record.ClusterTag;
import coop.portal.record.Record;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every record of the founding corpus against the gold file (src/test/resources/gold/), field by
 * field. Each gold entry was checked by reading its source document;
 * a mismatch is either a regression or a gold entry to revisit. Prints the accuracy per field.
 */
class GoldTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Function<Record, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", Record::title);
        FIELDS.put("type", Record::type);
        FIELDS.put("countries", Record::countries);
        FIELDS.put("province", Record::province);
        FIELDS.put("programme", Record::programme);
        FIELDS.put("period", Record::period);
        FIELDS.put("statedClusters", r -> names(r, ClusterTag.Source.STATED));
        FIELDS.put("inferredClusters", r -> names(r, ClusterTag.Source.INFERRED));
        FIELDS.put("population", Record::population);
        FIELDS.put("areaKm2", Record::areaKm2);
        FIELDS.put("places", Record::places);
        FIELDS.put("language", Record::language);
        FIELDS.put("source", Record::source);
        FIELDS.put("textStart", r -> r.text().substring(0, Math.min(60, r.text().length())));
        FIELDS.put("textEnd", r -> r.text().substring(Math.max(0, r.text().length() - 40)));
    }

    private static List<String> names(Record r, ClusterTag.Source source) {
        return r.clusterDetails().stream().filter(c -> c.source() == source).map(ClusterTag::name).toList();
    }

    @Test
    void everyRecordOfTheFoundingCorpusMatchesTheGoldFieldByField() throws Exception {
        Map<String, JsonNode> gold = new LinkedHashMap<>();
        try (InputStream in = GoldTest.class.getResourceAsStream("/gold/founding-corpus.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode g = JSON.readTree(line);
                    gold.put(g.get("id").asText(), g);
                }
            }
        }
        Ingester ingester = new Ingester(Fixtures.vocabulary(), new DocumentParser());
        Map<String, Record> actual = new LinkedHashMap<>();
        for (SourceFile f : CorpusWalker.walk(Fixtures.CORPUS)) {
            ingester.records(f).forEach(r -> actual.put(r.id(), r));
        }
        assertEquals(gold.keySet(), actual.keySet(), "the same records, with the same ids");

        List<String> mismatches = new ArrayList<>();
        StringBuilder accuracy = new StringBuilder("Per-field accuracy against the gold (" + gold.size() + " records):\n");
        for (Map.Entry<String, Function<Record, Object>> field : FIELDS.entrySet()) {
            int right = 0;
            for (Map.Entry<String, JsonNode> g : gold.entrySet()) {
                Object expected = JSON.treeToValue(g.getValue().get(field.getKey()), Object.class);
                Object got = normalise(field.getValue().apply(actual.get(g.getKey())));
                if (Objects.equals(normalise(expected), got)) {
                    right++;
                } else {
                    mismatches.add(g.getKey() + " " + field.getKey() + ": expected " + expected + " but was " + got);
                }
            }
            accuracy.append(String.format(java.util.Locale.ROOT, "  %-17s %5.1f%%%n", field.getKey(), 100.0 * right / gold.size()));
        }
        System.out.print(accuracy);
        assertEquals(List.of(), mismatches);
    }

    /** Numbers compare by value whatever their JSON type; lists element by element. */
    private static Object normalise(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(GoldTest::normalise).toList();
        }
        return o;
    }
}
