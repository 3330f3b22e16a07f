package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import coop.portal.record.ClusterTag;
import coop.portal.record.Record;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents shaped like the ones that arrive from the programmes' sites, with the metadata they should get. */
class RealWorldDocumentsTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static Ingester ingester;

    @BeforeAll
    static void setUp() {
        ingester = new Ingester(Fixtures.vocabulary(), new DocumentParser());
    }

    private static Record only(Path file, String relative) throws Exception {
        List<Record> records = ingester.records(new SourceFile(file, relative));
        assertEquals(1, records.size(), relative);
        return records.get(0);
    }

    @Test
    void aNewsPageIsItsArticleWithoutMenusBannersOrFooter() throws Exception {
        Record r = only(CORPUS.resolve("news/kunming-smart-city-workshop.html"), "news/kunming-smart-city-workshop.html");
        assertEquals("European and Chinese cities meet in Kunming on smart city cooperation", r.title());
        assertEquals("news", r.type());
        assertEquals("2022-06-14T09:00:00+02:00", r.date());
        assertEquals("https://example.org/news/kunming-smart-city-workshop", r.url());
        assertEquals("IURC", r.programme());
        assertEquals("2021-2023", r.period());
        assertEquals("en", r.language());
        assertEquals(List.of("Kunming", "Sofia", "Bari", "Murcia", "Haikou"), r.places());
        assertEquals(List.of("China", "Bulgaria", "Italy", "Spain"), r.countries());
        ClusterTag digital = r.clusterDetails().get(0);
        assertEquals("Digital Transition & Smart City", digital.name());
        assertEquals(ClusterTag.Source.INFERRED, digital.source());
        assertTrue(digital.evidence().contains("smart city"), digital.evidence().toString());
        for (String furniture : List.of("cookies", "Home", "Skip to content", "Related news", "Share on", "Categorized as",
                "All rights reserved", "Return to top")) {
            assertFalse(r.text().contains(furniture), furniture + " in " + r.text());
        }
        assertTrue(r.text().startsWith("Posted on 14 June 2022"), r.text());
    }

    @Test
    void aChinesePageIsReadAsChineseAboutItsCity() throws Exception {
        Record r = only(CORPUS.resolve("pages/hohhot-dairy-zh.html"), "pages/hohhot-dairy-zh.html");
        assertEquals("呼和浩特", r.title());
        assertEquals("city", r.type());
        assertEquals("zh", r.language());
        assertEquals(List.of("China"), r.countries());
        assertEquals("Inner Mongolia Autonomous Region", r.province());
        assertEquals(List.of("Hohhot"), r.places());
        assertTrue(r.clusters().contains("Sustainable Agriculture & Food"), r.clusters().toString());
        assertTrue(r.clusters().contains("Education, Jobs & Skills"), r.clusters().toString());
        assertFalse(r.text().contains("联系我们"));
        assertFalse(r.text().contains("版权所有"));
    }

    @Test
    void aLegacyChineseTextFileIsDecoded(@TempDir Path dir) throws Exception {
        String text = "西安\n\n西安是陕西省省会，历史文化名城，旅游业发达。\n\n西安希望与欧洲城市在文化遗产保护、旅游和科技创新方面开展交流与合作。\n";
        Path file = dir.resolve("xian-gbk.txt");
        Files.write(file, text.getBytes(Charset.forName("GBK")));
        Record r = only(file, "xian-gbk.txt");
        assertEquals("西安", r.title());
        assertTrue(r.text().contains("陕西省省会"), r.text());
        assertEquals("city", r.type());
        assertEquals(List.of("Xi'an"), r.places());
        assertEquals("Shaanxi", r.province());
        assertEquals("zh", r.language());
        assertTrue(r.clusters().contains("Tourism & Culture"), r.clusters().toString());
    }

    @Test
    void aMissionReportPdfWithASidecarGetsTheSidecarsMetadata(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("study-visit-2019.pdf");
        Files.write(pdf, TestDocuments.pdf("Study visit of European cities to Wuhan and Chengdu", List.of(
                "A delegation of Mannheim, Larissa and Umbria visited Wuhan and Chengdu from 4 to 9 November 2019 "
                        + "to prepare pilot projects on clean energy and the circular economy.",
                "In Wuhan the delegation met the China-EU Institute for Clean and Renewable Energy and visited waste "
                        + "treatment and recycling plants; in Chengdu it discussed hydrogen buses and solar energy.",
                "Next steps: a joint workshop on waste management and recycling in Mannheim in spring 2020.")));
        Files.writeString(dir.resolve("study-visit-2019.pdf.meta.json"),
                "{\"programme\": \"IUC\", \"url\": \"https://example.org/reports/study-visit-2019.pdf\", \"date\": \"2019-12-02\"}");
        Record r = only(pdf, "study-visit-2019.pdf");
        assertEquals("Study visit of European cities to Wuhan and Chengdu", r.title());
        assertEquals("report", r.type());
        assertEquals("IUC", r.programme());
        assertEquals("2016-2020", r.period());
        assertEquals("2019-12-02", r.date());
        assertEquals("https://example.org/reports/study-visit-2019.pdf", r.url());
        assertEquals(List.of("Wuhan", "Chengdu", "Mannheim", "Larissa", "Umbria"), r.places());
        assertEquals(List.of("China", "Germany", "Greece", "Italy"), r.countries());
        assertNull(r.province());
        assertTrue(r.clusters().contains("Circular Economy & Waste Management"), r.clusters().toString());
        assertTrue(r.clusters().contains("Climate Change & Energy Transition"), r.clusters().toString());
    }
}
