package coop.portal.ingest;

import coop.portal.vocab.Cluster;
import java.util.List;

/**
 * A part of a document that becomes one record, as a layout cuts it out: what the layout
 * learnt from the document's structure, before metadata is extracted from the text.
 *
 * @param title          the heading or name the layout found
 * @param place          the gazetteer name of the place a profile is about, when the layout knows it, else null
 * @param text           clean paragraphs separated by blank lines
 * @param type           the record type the layout implies, or null to decide from the text
 * @param countries      countries the layout states (a "Kunming, China" heading), else empty
 * @param statedClusters clusters printed as tags, in print order
 * @param population     population printed as a figure of the profile, or null
 * @param areaKm2        area printed as a figure of the profile, or null
 */
record Section(String title, String place, String text, String type, List<String> countries, List<Cluster> statedClusters,
               Long population, Double areaKm2) {

    Section {
        countries = List.copyOf(countries);
        statedClusters = List.copyOf(statedClusters);
    }

    static Section of(String title, String place, String text, String type, List<String> countries) {
        return new Section(title, place, text, type, countries, List.of(), null, null);
    }
}
