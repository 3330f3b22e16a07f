package coop.portal.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The data files hold together: every reference resolves, every place can be drawn on a map. */
class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.load();

    @Test
    void everyPlaceHasCoordinatesAKnownCountryAndAKnownProvince() {
        Gazetteer g = vocabulary.gazetteer();
        List<String> problems = new ArrayList<>();
        for (Place p : g.places()) {
            if (!(p.lat() >= -90 && p.lat() <= 90 && p.lon() >= -180 && p.lon() <= 180)) {
                problems.add(p.name() + ": no coordinates");
            }
            if (g.country(p.country()).isEmpty()) {
                problems.add(p.name() + ": unknown country " + p.country());
            }
            if (p.province() != null && g.place(p.province()).filter(a -> a.isProvince() || a.isRegion()).isEmpty()) {
                problems.add(p.name() + ": unknown province " + p.province());
            }
            if (p.within() != null && g.place(p.within()).isEmpty()) {
                problems.add(p.name() + ": unknown city " + p.within());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyNameFindsItsPlaceInAnyScript() {
        Gazetteer g = vocabulary.gazetteer();
        assertEquals("Xi'an", g.place("Xian").orElseThrow().name());
        assertEquals("Xi'an", g.place("西安").orElseThrow().name());
        assertEquals("Hohhot", g.place("Huhehaote").orElseThrow().name());
        assertEquals("Barcelona", g.place("巴塞罗那").orElseThrow().name());
        assertEquals("Prague", g.place("Praha").orElseThrow().name());
        assertEquals("Castilla y León", g.place("castilla y leon").orElseThrow().name());
        assertEquals("China", g.country("中国").orElseThrow().name());
    }

    @Test
    void everyClusterBelongsToAGroupAndCanBeRecognisedAndInferred() {
        ClusterTaxonomy t = vocabulary.clusters();
        Set<String> names = t.clusters().stream().map(Cluster::name).collect(Collectors.toSet());
        assertEquals(names.size(), t.clusters().size(), "cluster names are unique");
        for (Cluster c : t.clusters()) {
            assertFalse(c.tags().isEmpty(), c.name() + " has tag words");
            assertFalse(c.keywords().isEmpty(), c.name() + " has keywords");
            assertTrue(t.group(c.group()).isPresent(), c.name());
        }
        assertEquals(List.of("Industry 5.0", "Technologies 4.0").stream().sorted().toList(),
                t.fromTagLine("Technologies 4.0, Industry 5.0 & Digital Economy").stream().map(Cluster::name).sorted().toList());
        assertEquals(List.of("Tourism & Culture"), t.fromTagLine("Tourism, Culture and Creativity").stream().map(Cluster::name).toList());
        assertEquals(List.of(), t.fromTagLine("Tourism and culture have always been a priority for the city."));
    }

    @Test
    void everyProgrammeAndQueryWordIsReadable() {
        assertEquals("IUC Asia", vocabulary.programmes().programme("IUC ASIA").orElseThrow().name());
        assertEquals("type", vocabulary.queryWords().meaning("Cities").orElseThrow().kind());
        assertEquals("ignore", vocabulary.queryWords().meaning("which").orElseThrow().kind());
        assertTrue(vocabulary.synonyms().groups().stream().anyMatch(g -> g.contains("职业教育") && g.contains("vocational training")));
    }
}
