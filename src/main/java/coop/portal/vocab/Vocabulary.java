package coop.portal.vocab;

/** All reference data, loaded once and shared: places, countries, clusters and programmes. */
public record Vocabulary(Gazetteer gazetteer, ClusterTaxonomy clusters, Programmes programmes) {

    public static Vocabulary load() {
        return new Vocabulary(Gazetteer.load(), ClusterTaxonomy.load(), Programmes.load());
    }
}
