package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.portal.RunningPortal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API on a real server, on a random port, over a real index of the founding corpus. */
class PortalServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningPortal server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningPortal.founding();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return Http.get(server.port(), pathAndQuery);
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertProblem(int status, String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(status, r.statusCode(), pathAndQuery + " → " + r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), pathAndQuery);
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        for (String field : List.of("type", "title", "detail")) {
            assertTrue(p.hasNonNull(field), field + " missing in " + r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void searchAnswersWithTheDocumentedShape() throws Exception {
        JsonNode r = json("/api/search?q=dairy");
        assertEquals(1, r.get("page").asInt());
        assertEquals(10, r.get("size").asInt());
        assertTrue(r.get("total").asLong() >= 1);
        JsonNode hit = r.get("hits").get(0);
        assertEquals("Hohhot", hit.get("title").asText());
        for (String field : List.of("id", "title", "type", "countries", "programme", "clusters", "snippet", "score")) {
            assertTrue(hit.has(field), field);
        }
        for (String dim : List.of("cluster", "country", "programme", "type")) {
            JsonNode values = r.get("facets").get(dim);
            assertTrue(values.isArray(), dim);
            values.forEach(v -> assertTrue(v.has("value") && v.has("count") && v.has("selected")));
        }
    }

    @Test
    void filtersRepeatAndCountsDrillSideways() throws Exception {
        JsonNode r = json("/api/search?country=Spain&country=Italy&type=region");
        assertEquals(4, r.get("total").asInt());
        JsonNode spain = find(r.get("facets").get("country"), "Spain");
        assertTrue(spain.get("selected").asBoolean());
        assertEquals(2, find(r.get("facets").get("country"), "Croatia").get("count").asInt(),
                "country counts ignore the country selection but keep the type selection");
        assertEquals(4, find(r.get("facets").get("type"), "region").get("count").asInt());
        assertEquals(6, find(r.get("facets").get("type"), "city").get("count").asInt(),
                "type counts ignore the type selection but keep the country selection");
    }

    @Test
    void pagesAreSlicesOfOneOrder() throws Exception {
        JsonNode first = json("/api/search?size=5&page=1");
        JsonNode second = json("/api/search?size=5&page=2");
        assertEquals(66, first.get("total").asInt());
        assertEquals(5, second.get("hits").size());
        assertFalse(first.get("hits").get(0).get("id").equals(second.get("hits").get(0).get("id")));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        assertProblem(400, "/api/search?size=101");
        assertProblem(400, "/api/search?size=0");
        assertProblem(400, "/api/search?page=0");
        assertProblem(400, "/api/search?page=two");
        assertProblem(400, "/api/search?size=1.5");
        assertProblem(400, "/api/search?page=1&page=2");
        assertProblem(400, "/api/search?colour=red");
        assertProblem(400, "/api/search?sort=sideways");
        assertProblem(400, "/api/search?populationMin=abc");
    }

    @Test
    void brokenQuerySyntaxIsSearchedAsWords() throws Exception {
        // Operators that would cost the whole index (*a*, /.*/, dairy~999) are refused instead: HostileRequestsTest.
        for (String q : List.of("\"unclosed", "AND OR (", "title:", "((dairy", "2021/2022/2023", "Xi'an / Xian")) {
            json("/api/search?q=" + q(q));
        }
    }

    @Test
    void documentsAreWholeRecordsAndUnknownOnesAre404() throws Exception {
        JsonNode d = json("/api/documents/001-8f1dec18a3d5d143--hohhot");
        assertEquals("Hohhot", d.get("title").asText());
        assertTrue(d.get("text").asText().contains("dairy"));
        assertEquals("001_8f1dec18a3d5d143.txt", d.get("source").asText());
        assertProblem(404, "/api/documents/nothing-here");
        assertProblem(404, "/api/no-such-endpoint");
    }

    @Test
    void exportIsOneJsonRecordPerLine() throws Exception {
        HttpResponse<String> r = get("/api/export");
        assertEquals(200, r.statusCode());
        List<String> lines = r.body().lines().toList();
        assertEquals(66, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertTrue(first.has("id") && first.has("text") && first.has("clusters"));
    }

    @Test
    void healthCountsRecords() throws Exception {
        assertEquals(66, json("/api/health").get("records").asInt());
    }

    @Test
    void servesTheSearchPage() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<form"), r.body());
    }

    @Test
    void servesNothingButTheWebFolder() throws Exception {
        for (String path : List.of("/pom.xml", "/README.md", "/corpus/001_8f1dec18a3d5d143.txt", "/simplelogger.properties",
                "/coop/portal/Main.class", "/vocab/gazetteer.tsv")) {
            assertEquals(404, get(path).statusCode(), path);
        }
    }

    @Test
    void populationBandsCountSideways() throws Exception {
        JsonNode r = json("/api/search?populationMin=1000000&populationMax=4999999");
        JsonNode bands = r.get("ranges").get("population");
        assertEquals(4, bands.size());
        JsonNode selected = bands.get(1);
        assertTrue(selected.get("selected").asBoolean());
        assertEquals(r.get("total").asInt(), selected.get("count").asInt());
        assertTrue(bands.get(3).get("count").asInt() > 0, "other bands still count: the band filter does not apply to its own counts");
    }

    @Test
    void suggestCompletesPlacesTitlesAndClustersInAnyScript() throws Exception {
        assertEquals("Hohhot", json("/api/suggest?q=hoh").get("suggestions").get(0).get("text").asText());
        assertEquals("Hohhot", json("/api/suggest?q=" + q("呼和")).get("suggestions").get(0).get("text").asText());
        assertEquals("Tourism & Culture", json("/api/suggest?q=touri").get("suggestions").get(0).get("text").asText());
        assertEquals(0, json("/api/suggest?q=").get("suggestions").size());
        assertProblem(400, "/api/suggest?q=x&size=0");
    }

    @Test
    void similarAndPartnersAnswerForARecord() throws Exception {
        JsonNode similar = json("/api/documents/001-8f1dec18a3d5d143--hohhot/similar");
        assertTrue(similar.get("hits").size() > 0);
        similar.get("hits").forEach(h -> assertFalse(h.get("id").asText().endsWith("--hohhot")));
        JsonNode partners = json("/api/documents/001-8f1dec18a3d5d143--hohhot/partners");
        assertTrue(partners.get("partners").size() > 0);
        for (JsonNode p : partners.get("partners")) {
            assertFalse(p.get("countries").toString().contains("China"), "partners are on the other side: " + p);
            assertTrue(p.get("reasons").has("sharedClusters"));
        }
        assertProblem(404, "/api/documents/nothing/partners");
        assertProblem(400, "/api/documents/003-0dde53dfbdc68a59--chinese-cities-mission-to-eu-cities/partners");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheApiAllowsOtherOrigins() throws Exception {
        HttpResponse<String> page = get("/");
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
        HttpResponse<String> api = get("/api/search?q=dairy");
        assertEquals("*", api.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    @Test
    void onlyTheReadApiAnswersOtherOriginsAndErrorsOfItToo() throws Exception {
        for (String path : List.of("/api/search?q=dairy", "/api/search?size=0", "/api/suggest?q=hoh",
                "/api/documents/001-8f1dec18a3d5d143--hohhot", "/api/documents/nothing-here",
                "/api/documents/001-8f1dec18a3d5d143--hohhot/similar", "/api/documents/001-8f1dec18a3d5d143--hohhot/partners",
                "/api/export", "/api/places", "/api/health")) {
            assertEquals("*", send("GET", path).headers().firstValue("access-control-allow-origin").orElse(null), path);
        }
        assertEquals("*", send("HEAD", "/api/health").headers().firstValue("access-control-allow-origin").orElse(null));
        for (String path : List.of("/", "/embed", "/embed.js", "/api/no-such-endpoint", "/api/admin/reindex", "/api/admin/stats")) {
            assertTrue(send("GET", path).headers().firstValue("access-control-allow-origin").isEmpty(), path);
        }
    }

    @Test
    void otherMethodsOnTheReadApiAre405ProblemsWithoutCors() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/search", "/api/documents/001-8f1dec18a3d5d143--hohhot", "/api/export")) {
                HttpResponse<String> r = send(method, path);
                assertEquals(405, r.statusCode(), method + " " + path);
                assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
                assertEquals(405, JSON.readTree(r.body()).get("status").asInt());
                assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty(), method + " " + path);
            }
        }
    }

    @Test
    void withoutAnAdminTokenTheAdminApiIsAbsent() throws Exception {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> r = send(method, "/api/admin/reindex");
            assertEquals(404, r.statusCode(), method);
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(404, send("GET", "/api/admin/stats").statusCode());
    }

    static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        return Http.send(server.port(), method, pathAndQuery, null);
    }

    private static JsonNode find(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.get("value").asText().equals(value)) {
                return v;
            }
        }
        throw new AssertionError(value + " not in " + values);
    }
}
