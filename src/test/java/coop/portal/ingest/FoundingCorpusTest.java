package coop.portal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import coop.portal.record.Record;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The founding corpus splits into one record per profile, city, report and abstract. */
class FoundingCorpusTest {

    private static Ingester ingester;

    @BeforeAll
    static void setUp() {
        ingester = new Ingester(Fixtures.vocabulary(), new DocumentParser());
    }

    private static List<Record> records(String file) throws Exception {
        return ingester.records(new SourceFile(Fixtures.CORPUS.resolve(file), file));
    }

    private static List<String> titles(List<Record> records) {
        return records.stream().map(Record::title).toList();
    }

    @Test
    void brochureYieldsOneRecordPerProfileOfItsTableOfContents() throws Exception {
        List<Record> records = records("001_8f1dec18a3d5d143.txt");
        assertEquals(List.of(
                "Barcelona", "Bari", "Bielsko-Biała", "Fuenlabrada", "Ioannina", "Larissa", "Mannheim", "Murcia",
                "Nuovo Circondario Imolese", "Santiago de Compostela-Ames", "Sofia", "Stuttgart Region",
                "Bacău County", "Castilla y León", "Krapina-Zagorje County", "Region Lazio", "Ljubljana Urban Region",
                "Sisak Moslavina County", "South Bohemia", "Umbria", "Autonomous Region of Valencia", "Western Greece Region",
                "Beijing", "Tianjin", "Hohhot", "Dalian", "Suzhou", "Yangzhou", "Hangzhou", "Wenzhou", "Hefei", "Nanchang",
                "Jinan", "Qingdao", "Zhengzhou", "Wuhan", "Hunan Xiangjiang New Area", "Guangzhou Development District",
                "Liuzhou", "Haikou", "Chongqing Liangjiang New Area", "Chengdu", "Kunming", "Xi'an"), titles(records));
    }

    @Test
    void ecLinkPageYieldsOneRecordPerPilotCity() throws Exception {
        assertEquals(List.of("Xinbei District, Changzhou", "Guilin", "Hefei", "Liuzhou", "Luoyang", "Qingdao", "Weihai",
                "Xixian New Area", "Zhuhai", "Zhuzhou"), titles(records("000_fa2526a364ffebfb.txt")));
    }

    @Test
    void iucAsiaPageYieldsOneRecordPerCity() throws Exception {
        assertEquals(List.of("Chongqing", "Longyan", "Zhengzhou", "Shantou", "Changchun Jingyue", "Haikou", "Kunming",
                "Liuzhou", "Weinan", "Yantai"), titles(records("002_9d29e5ca3dc93465.txt")));
    }

    @Test
    void reportAndAbstractAreOneRecordEach() throws Exception {
        List<Record> report = records("003_0dde53dfbdc68a59.txt");
        assertEquals(1, report.size());
        assertEquals("Chinese Cities Mission to EU Cities", report.get(0).title());
        assertEquals("report", report.get(0).type());
        List<Record> abstracts = records("004_8c8def011d743c96.txt");
        assertEquals(1, abstracts.size());
        assertEquals("abstract", abstracts.get(0).type());
    }

    @Test
    void idsAreStableReadableAndUnique() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String f : List.of("000_fa2526a364ffebfb.txt", "001_8f1dec18a3d5d143.txt", "002_9d29e5ca3dc93465.txt",
                "003_0dde53dfbdc68a59.txt", "004_8c8def011d743c96.txt")) {
            List<Record> first = records(f);
            assertEquals(first.stream().map(Record::id).toList(), records(f).stream().map(Record::id).toList());
            first.forEach(r -> assertTrue(ids.add(r.id()), "duplicate id " + r.id()));
        }
        assertTrue(ids.contains("001-8f1dec18a3d5d143--hohhot"));
    }

    @Test
    void noPhotoCreditPageNumberContentsLineOrNavigationWordEntersARecord() throws Exception {
        java.util.regex.Pattern furniture = java.util.regex.Pattern.compile(
                "©|资料来源|CC BY|\\\\sim|Skip links|more information|Return to top of page|Join the Discussion|Categorized as"
                        + "|(?m)^\\d{1,3}$|(?m)^Content$|CITIES OF EUROPE|REGIONS OF EUROPE|\\t");
        for (String f : List.of("000_fa2526a364ffebfb.txt", "001_8f1dec18a3d5d143.txt", "002_9d29e5ca3dc93465.txt",
                "003_0dde53dfbdc68a59.txt", "004_8c8def011d743c96.txt")) {
            for (Record r : records(f)) {
                var m = furniture.matcher(r.text());
                assertTrue(!m.find(), r.id() + " contains '" + (m.hitEnd() ? "" : m.group()) + "'");
                assertTrue(!r.text().contains("\n\n\n") && r.text().equals(r.text().strip()), r.id() + " has an empty paragraph");
            }
        }
    }

    @Test
    void recordsKeepTheirSourceFile() throws Exception {
        records("002_9d29e5ca3dc93465.txt").forEach(r -> assertEquals("002_9d29e5ca3dc93465.txt", r.source()));
    }
}
