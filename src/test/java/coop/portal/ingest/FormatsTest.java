package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import coop.portal.record.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same profile as a web page, a PDF, a Word document and an OpenDocument text makes the same record. */
class FormatsTest {

    static final String TITLE = "Granada";
    static final List<String> PARAGRAPHS = List.of(
            "Granada is a city in Andalusia, in the south of Spain, at the foot of the Sierra Nevada mountains. "
                    + "The city has about 232,000 inhabitants and an area of 88 km2.",
            "Tourism and culture drive its economy: the Alhambra and the Albaicín are world heritage sites that draw "
                    + "millions of visitors every year, and the university attracts students from all over Europe.",
            "Granada wishes to exchange with Chinese cities on tourism, cultural heritage, health care and education, "
                    + "building on the city-to-city cooperation of the IUC Asia programme.");

    private static Ingester ingester;

    @BeforeAll
    static void setUp() {
        ingester = new Ingester(Fixtures.vocabulary(), new DocumentParser());
    }

    private static Record read(Path dir, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        List<Record> records = ingester.records(new SourceFile(file, name));
        assertEquals(1, records.size(), name);
        return records.get(0);
    }

    @Test
    void htmlPdfDocxAndOdtRenderingsOfAProfileMakeTheSameRecord(@TempDir Path dir) throws Exception {
        Record html = read(dir, "granada.html", TestDocuments.html(TITLE, PARAGRAPHS));
        Record pdf = read(dir, "granada.pdf", TestDocuments.pdf(TITLE, PARAGRAPHS));
        Record docx = read(dir, "granada.docx", TestDocuments.docx(TITLE, PARAGRAPHS));
        Record odt = read(dir, "granada.odt", TestDocuments.odt(TITLE, PARAGRAPHS));

        assertEquals(String.join("\n\n", PARAGRAPHS), html.text(), "the page's menus, banner and footer are not text");
        assertEquals("Granada", html.title());
        assertEquals("city", html.type());
        assertEquals(List.of("Spain"), html.countries());
        assertEquals("Andalusia", html.province());
        assertEquals(List.of("Granada"), html.places());
        assertEquals("IUC Asia", html.programme());
        assertEquals(232_000L, html.population());
        assertEquals(88.0, html.areaKm2());
        assertTrue(html.clusters().contains("Tourism & Culture"), html.clusters().toString());

        for (Record other : List.of(pdf, docx, odt)) {
            String format = other.source();
            assertEquals(html.text(), other.text(), format);
            assertEquals(html.title(), other.title(), format);
            assertEquals(html.type(), other.type(), format);
            assertEquals(html.countries(), other.countries(), format);
            assertEquals(html.province(), other.province(), format);
            assertEquals(html.programme(), other.programme(), format);
            assertEquals(html.period(), other.period(), format);
            assertEquals(html.clusterDetails(), other.clusterDetails(), format);
            assertEquals(html.population(), other.population(), format);
            assertEquals(html.areaKm2(), other.areaKm2(), format);
            assertEquals(html.places(), other.places(), format);
            assertEquals(html.language(), other.language(), format);
            assertEquals(html.date(), other.date(), format);
        }
        assertFalse(html.text().contains("cookies"));
        assertFalse(html.text().contains("Privacy"));
    }
}
