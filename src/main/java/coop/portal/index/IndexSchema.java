package coop.portal.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names, analyzers and facet configuration, shared by the writer and the searcher: the
 * facet configuration used for searching must be the one used for indexing.
 */
public final class IndexSchema {

    /** Record id; a keyword, so that re-ingest replaces a record and lookups are exact. */
    public static final String ID = "id";
    /** Corpus file a record came from; a keyword, so a changed or deleted file's records can be dropped. */
    public static final String ORIGIN = "origin";
    /** The ingest run that wrote a record; a keyword, so a file's records from earlier runs can be told apart. */
    public static final String GENERATION = "generation";
    /**
     * The record's JSON without its text: what the API returns about a hit. Doc values rather
     * than a stored field: read uncompressed, ten times per search, without decompressing blocks.
     */
    public static final String RECORD = "record";
    /** Body text; stored with offsets in the postings for cheap highlighting. */
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    /** Folded title as doc values, for sorting a browse by title. */
    public static final String TITLE_SORT = "title_sort";
    /** The record's places with every alias the gazetteer knows, so any spelling or script finds them. */
    public static final String PLACES = "places";
    /** Cluster and group names with their aliases, English and Chinese. */
    public static final String CLUSTERS = "clusters";
    public static final String POPULATION = "population";
    public static final String AREA = "area";

    public static final String DIM_CLUSTER = "cluster";
    public static final String DIM_COUNTRY = "country";
    public static final String DIM_PROGRAMME = "programme";
    public static final String DIM_TYPE = "type";
    /** Facet dimensions, in the order the API lists them; cluster is hierarchical (group → cluster). */
    public static final List<String> DIMENSIONS = List.of(DIM_CLUSTER, DIM_COUNTRY, DIM_PROGRAMME, DIM_TYPE);

    /** Bumped whenever ingest or indexing changes what a record looks like, forcing a full re-ingest. */
    public static final String VERSION = "2";

    private static final FacetsConfig FACETS = facets();
    private static final Analyzer ANALYZER = Analysis.text();

    private IndexSchema() {
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(DIM_CLUSTER, true);
        config.setMultiValued(DIM_CLUSTER, true);
        config.setMultiValued(DIM_COUNTRY, true);
        return config;
    }

    public static FacetsConfig facetsConfig() {
        return FACETS;
    }

    /** The analyzer of every text field, at index and at query time. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }
}
