package coop.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import coop.portal.Fixtures;
import coop.portal.search.Searcher;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} held to the real server: the routes it describes are the routes the
 * server has, the parameters it describes are accepted, and real answers of every endpoint, errors
 * included, are valid against the schemas it gives them.
 */
class OpenApiTest {

    /** The document's address for the validator; nothing is fetched from it. */
    private static final String BASE = "https://portal.invalid/openapi.json";
    private static final String TOKEN = "openapi-test-token-7e31";
    private static final String HOHHOT = "001-8f1dec18a3d5d143--hohhot";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path index;
    private static Searcher searcher;
    private static Javalin server;
    private static JsonNode document;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.ingest(Fixtures.CORPUS, index);
        searcher = Searcher.open(index, Fixtures.vocabulary());
        Reindex reindex = () -> {
            Map<String, Object> summary = Fixtures.ingest(Fixtures.CORPUS, index).summary();
            searcher.refresh();
            return summary;
        };
        server = PortalServer.create(searcher, new PortalServer.Options(null, TOKEN, reindex)).start("127.0.0.1", 0);
        HttpResponse<String> r = Http.get(server.port(), "/openapi.json");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        document = JSON.readTree(r.body());
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, r.body())));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        searcher.close();
    }

    @Test
    void theDocumentIsOpenApi31AndEveryReferenceResolves() {
        assertTrue(document.get("openapi").asText().startsWith("3.1."));
        List<String> unresolved = new ArrayList<>();
        references(document, unresolved);
        assertEquals(List.of(), unresolved);
    }

    private static void references(JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        node.forEach(child -> references(child, unresolved));
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteIsServed() {
        Set<String> served = server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(OpenApiTest::route)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    described.add(m.toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertEquals(served, described);
    }

    private static String route(Endpoint e) {
        return e.method.name() + " " + e.path;
    }

    @Test
    void theSearchParametersDescribedAreTheOnesTheServerReads() {
        Set<String> described = new TreeSet<>();
        document.at("/paths/~1api~1search/get/parameters").forEach(p -> described.add(p.get("name").asText()));
        assertEquals(SearchParams.names(), described);
    }

    @Test
    void everyDescribedQueryParameterIsAcceptedWithItsExample() throws Exception {
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || path.getKey().startsWith("/api/admin/")) {
                continue;
            }
            String target = path.getKey().replace("{id}", HOHHOT);
            for (JsonNode p : parameters(get)) {
                if (!p.get("in").asText().equals("query")) {
                    continue;
                }
                assertTrue(p.has("example"), path.getKey() + " " + p.get("name") + " has an example");
                String name = p.get("name").asText();
                StringBuilder query = new StringBuilder();
                for (JsonNode v : p.get("example").isArray() ? p.get("example") : JSON.createArrayNode().add(p.get("example"))) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                            .append(URLEncoder.encode(v.asText(), StandardCharsets.UTF_8));
                }
                HttpResponse<String> r = Http.get(server.port(), target + query);
                assertEquals(200, r.statusCode(), target + query + " → " + r.body());
            }
        }
    }

    private static List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> out = new ArrayList<>();
        operation.path("parameters").forEach(p -> out.add(p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p));
        return out;
    }

    @Test
    void answersOfTheReadApiMatchTheirSchemas() throws Exception {
        for (String target : List.of("/api/search?q=dairy", "/api/search", "/api/search?q=smart+city&size=3&page=2",
                "/api/search?country=Spain&country=Italy&type=region", "/api/search?cluster=Tourism+%26+Culture",
                "/api/search?populationMin=1000000&populationMax=4999999&sort=population-desc",
                "/api/search?areaMin=100&sort=population-asc", "/api/search?q=Barcelna", "/api/search?q=xyzzyqwertyuiop",
                "/api/search?q=" + URLEncoder.encode("呼和浩特", StandardCharsets.UTF_8),
                "/api/suggest?q=hoh", "/api/suggest?q=" + URLEncoder.encode("呼和", StandardCharsets.UTF_8),
                "/api/suggest?q=touri", "/api/suggest?q=",
                "/api/documents/" + HOHHOT, "/api/documents/" + HOHHOT + "/similar?size=5",
                "/api/documents/" + HOHHOT + "/partners", "/api/places", "/api/health")) {
            assertValid("GET", target, null, 200);
        }
        JsonNode search = JSON.readTree(Http.get(server.port(), "/api/search?q=Barcelna").body());
        assertFalse(search.get("suggestion").isNull(), "a search with a suggestion was among those checked");
    }

    @Test
    void everyLineOfTheExportIsARecord() throws Exception {
        HttpResponse<String> r = Http.get(server.port(), "/api/export");
        assertEquals(200, r.statusCode());
        JsonNode media = document.at("/paths/~1api~1export/get/responses/200/content/application~1x-ndjson");
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/x-ndjson"));
        Schema record = schema(media.get("x-itemSchema").get("$ref").asText().substring(1));
        List<String> lines = r.body().lines().toList();
        assertEquals(66, lines.size());
        for (String line : lines) {
            assertEquals(List.of(), messages(record.validate(line, InputFormat.JSON)), line);
        }
    }

    @Test
    void errorsAreProblemsAsDescribed() throws Exception {
        assertValid("GET", "/api/search?size=0", null, 400);
        assertValid("GET", "/api/search?colour=red", null, 400);
        assertValid("GET", "/api/suggest?size=99", null, 400);
        assertValid("GET", "/api/documents/" + HOHHOT + "/similar?size=0", null, 400);
        assertValid("GET", "/api/documents/003-0dde53dfbdc68a59--chinese-cities-mission-to-eu-cities/partners", null, 400);
        assertValid("GET", "/api/documents/nothing-here", null, 404);
        assertValid("GET", "/api/documents/nothing-here/similar", null, 404);
        assertValid("GET", "/api/admin/stats", null, 401);
        assertValid("POST", "/api/admin/reindex", "Bearer wrong", 401);
        assertValid("GET", "/metrics?x", null, 200);

        HttpResponse<String> unknown = Http.get(server.port(), "/api/no-such-endpoint");
        assertEquals(404, unknown.statusCode());
        assertMatches("/components/responses/NotFound", unknown);
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> wrongMethod = Http.send(server.port(), method, "/api/search", null);
            assertEquals(405, wrongMethod.statusCode());
            assertMatches("/components/responses/MethodNotAllowed", wrongMethod);
        }
    }

    @Test
    void answersOfTheAdminApiAndOperationsMatchTheirSchemas() throws Exception {
        String bearer = "Bearer " + TOKEN;
        assertValid("GET", "/api/admin/reindex", bearer, 200);
        HttpResponse<String> started = assertValid("POST", "/api/admin/reindex", bearer, 202);
        assertTrue(started.headers().firstValue("location").isPresent());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Http.send(server.port(), "GET", "/api/admin/reindex", bearer).body().contains("\"running\"")) {
            assertTrue(Instant.now().isBefore(deadline));
            Thread.sleep(20);
        }
        HttpResponse<String> done = assertValid("GET", "/api/admin/reindex", bearer, 200);
        assertTrue(done.body().contains("\"succeeded\""), done.body());
        Http.get(server.port(), "/api/search?q=dairy");
        assertValid("GET", "/api/admin/stats", bearer, 200);
        assertValid("GET", "/openapi.json", null, 200);
        assertValid("GET", "/embed?country=China&size=5", null, 200);
    }

    /** Sends the request, finds the answer's description by route, method and status, and checks the answer against it. */
    private static HttpResponse<String> assertValid(String method, String target, String authorization, int status) throws Exception {
        HttpResponse<String> r = Http.send(server.port(), method, target, authorization);
        assertEquals(status, r.statusCode(), method + " " + target + " → " + r.body());
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String template = template(path);
        JsonNode responses = document.get("paths").get(template).get(method.toLowerCase()).get("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + key;
        assertMatches(pointer, r);
        return r;
    }

    /** Checks an answer against the response described at {@code pointer}: its media type, and its body's schema. */
    private static void assertMatches(String pointer, HttpResponse<String> r) {
        JsonNode response = document.at(pointer);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        String contentType = r.headers().firstValue("content-type").orElse("");
        String mediaType = null;
        for (Iterator<String> types = response.get("content").fieldNames(); types.hasNext(); ) {
            String t = types.next();
            if (contentType.equals(t) || contentType.startsWith(t + ";") || contentType.startsWith(t + " ")) {
                mediaType = t;
            }
        }
        assertTrue(mediaType != null, "content type " + contentType + " is not described at " + pointer);
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        JsonNode schema = document.at(schemaPointer);
        if (schema.has("$ref") && schema.size() == 1) {
            schemaPointer = schema.get("$ref").asText().substring(1);
        }
        if (!mediaType.contains("json")) {
            assertEquals("string", schema.get("type").asText(), schemaPointer);
            return;
        }
        List<Error> errors = schema(schemaPointer).validate(r.body(), InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        assertEquals(List.of(), messages(errors), r.uri() + " against " + schemaPointer + ":\n" + r.body());
    }

    private static Schema schema(String pointer) {
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
        schema.initializeValidators();
        return schema;
    }

    /** The described path template a real path falls under: {@code /api/documents/x/similar} → {@code /api/documents/{id}/similar}. */
    private static String template(String path) {
        for (Iterator<String> templates = document.get("paths").fieldNames(); templates.hasNext(); ) {
            String t = templates.next();
            if (path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return t;
            }
        }
        throw new AssertionError("no path of the document matches " + path);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
