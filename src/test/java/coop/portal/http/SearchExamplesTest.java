package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.Fixtures;
import coop.portal.RunningPortal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people type, through {@code /api/search} on a real server: place names in any spelling or
 * script, synonyms and paraphrases, typos, questions and query syntax, and the ranking rules.
 * The index holds the founding corpus and the test documents (among them a page in Chinese).
 */
class SearchExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static RunningPortal server;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (Path source : List.of(Fixtures.CORPUS, Path.of("src/test/resources/corpus"))) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = corpus.resolve(source.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        server = RunningPortal.over(corpus, dir.resolve("index"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonNode search(String q) throws Exception {
        return search(q, 10);
    }

    private static JsonNode search(String q, int size) throws Exception {
        HttpResponse<String> r = Http.get(server.port(),
                "/api/search?size=" + size + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), q + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> titles(String q) throws Exception {
        List<String> out = new ArrayList<>();
        search(q).get("hits").forEach(h -> out.add(h.get("title").asText()));
        return out;
    }

    private static String first(String q) throws Exception {
        List<String> t = titles(q);
        return t.isEmpty() ? "(nothing)" : t.get(0);
    }

    @Test
    void diacriticsAreFolded() throws Exception {
        assertEquals("Bielsko-Biała", first("Bielsko-Biala"));
        assertEquals("Castilla y León", first("Castilla y Leon"));
    }

    @Test
    void placesAreFoundInEnglishPinyinVariantsAndChineseCharacters() throws Exception {
        for (String q : List.of("Xi'an", "Xian", "西安")) {
            assertEquals("Xi'an", first(q), q);
        }
        for (String q : List.of("Hohhot", "Huhehaote", "呼和浩特")) {
            assertTrue(List.of("Hohhot", "呼和浩特").contains(first(q)), q + " → " + titles(q));
            assertTrue(titles(q).contains("Hohhot"), q);
        }
        assertEquals("Barcelona", first("巴塞罗那"));
        assertEquals("Chinese Cities Mission to EU Cities", first("Roma"), "Roma is Rome, which the mission visited");
        assertEquals("Larissa", first("Larisa"));
        assertEquals("South Bohemia", first("Praha"), "no record names Prague: the Czech region stands in for it");
    }

    @Test
    void aChineseWordIsFoundInsideALongerRunOfCharacters() throws Exception {
        assertEquals("呼和浩特", first("乳业"), "乳业 stands inside 乳业是城市的支柱产业");
        assertEquals("呼和浩特", first("支柱产业"));
    }

    @Test
    void synonymsAndParaphrasesFindTheSameRecords() throws Exception {
        assertTrue(titles("digital transition").contains("Western Greece Region"), "its text says smart city, not digital transition");
        assertTrue(titles("smart city").contains("Bacău County"));
        assertTrue(titles("recycling").contains("Sofia"), "Sofia names waste management, not recycling");
        assertTrue(titles("waste management").contains("Murcia"));
        assertTrue(titles("circular economy").contains("Fuenlabrada"));
        assertTrue(titles("silver economy").contains("Bielsko-Biała"), "Bielsko-Biała cares for the elderly");
        assertTrue(titles("elderly care").contains("Chinese Cities Mission to EU Cities"));
        assertTrue(titles("vocational training").contains("Nanchang"));
        JsonNode cluster = search("education, jobs & skills");
        assertTrue(cluster.get("total").asInt() > 10);
        cluster.get("hits").forEach(h -> assertTrue(h.get("clusters").toString().contains("Education, Jobs & Skills")
                || h.get("snippet").asText().toLowerCase().contains("education"), h.get("title").asText()));
        assertTrue(search("vocational training", 100).get("hits").findValuesAsText("title").contains("Hefei"),
                "vocational training finds records tagged Education, Jobs & Skills that never say it");
        List<String> vocationalZh = titles("职业教育");
        assertEquals("呼和浩特", vocationalZh.get(0), "the page that says 职业教育 itself");
        assertTrue(vocationalZh.subList(0, 5).contains("Nanchang"), "the English profiles on vocational training: " + vocationalZh);
    }

    @Test
    void misspeltWordsStillFindTheirRecordsAndADidYouMeanIsGiven() throws Exception {
        JsonNode barcelna = search("Barcelna");
        assertEquals("Barcelona", barcelna.get("hits").get(0).get("title").asText());
        assertEquals("Barcelona", barcelna.get("suggestion").asText());
        JsonNode circular = search("circullar economy");
        assertEquals("circular economy", circular.get("suggestion").asText());
        assertTrue(List.of("Fuenlabrada", "Murcia").contains(circular.get("hits").get(0).get("title").asText()));
        JsonNode zhengzou = search("Zhengzou");
        assertEquals("Zhengzhou", zhengzou.get("hits").get(0).get("title").asText());
        assertEquals("Zhengzhou", zhengzou.get("suggestion").asText());
        assertTrue(search("dairy").get("suggestion").isNull(), "no suggestion when nothing was misspelt");
    }

    @Test
    void titlePlacesAndClustersWeighMoreThanTheBody() throws Exception {
        List<String> kunming = titles("Kunming");
        assertEquals(List.of("Kunming", "Kunming"), kunming.subList(0, 2), "records about Kunming before the report that names it");
        List<String> barcelona = titles("Barcelona");
        assertEquals("Barcelona", barcelona.get(0));
        assertTrue(barcelona.indexOf("Liuzhou") > 0, "Liuzhou only mentions Barcelona");
    }

    @Test
    void aPhraseOutranksScatteredWords() throws Exception {
        List<String> hub = titles("digital innovation hub");
        // These four say "digital innovation hub"; Hangzhou has the three words apart.
        assertEquals(java.util.Set.of("Bielsko-Biała", "Western Greece Region", "Sofia", "Sisak Moslavina County"),
                java.util.Set.copyOf(hub.subList(0, 4)), hub.toString());
        assertTrue(hub.indexOf("Hangzhou") > 3, hub.toString());
    }

    @Test
    void questionWordsDoNotDecideTheRanking() throws Exception {
        JsonNode answer = search("which Chinese cities want to cooperate on vocational training?");
        List<String> top = new ArrayList<>();
        answer.get("hits").forEach(h -> top.add(h.get("title").asText()));
        assertTrue(top.subList(0, 6).containsAll(List.of("Nanchang", "Haikou")), top.toString());
        for (int i = 0; i < 6; i++) {
            assertTrue(answer.get("hits").get(i).get("countries").toString().contains("China"), "Chinese: " + top);
        }
        assertEquals("Chinese Cities Mission to EU Cities", first("where did the Chinese delegation go in September 2018?"));
    }

    @Test
    void querySyntaxWorksAndBrokenSyntaxIsSearchedAsWords() throws Exception {
        assertEquals(1, search("\"Local Green Deal\"").get("total").asInt());
        assertEquals(List.of("Hohhot"), titles("title:Hohhot"));
        assertEquals(3, search("dairy OR hydrogen").get("total").asInt());
        assertEquals(List.of("Guangzhou Development District"), titles("hydrogen NOT Chengdu"));
        assertEquals(List.of("Hohhot"), titles("dairy AND industry"));
        assertTrue(titles("cluster:\"Circular Economy\"").containsAll(List.of("Fuenlabrada", "Murcia", "Sofia")));
        assertTrue(search("place:Kunming").get("total").asInt() >= 2);
        for (String broken : List.of("\"unclosed", "AND OR (", "title:", "dairy)", "cluster:(tourism")) {
            search(broken);
        }
        assertEquals("Hohhot", first("\"dairy"));
    }
}
