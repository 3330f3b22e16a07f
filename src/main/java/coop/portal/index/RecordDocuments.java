package coop.portal.index;

import coop.portal.record.ClusterTag;
import coop.portal.record.Record;
import coop.portal.record.RecordJson;
import coop.portal.vocab.ClusterGroup;
import coop.portal.vocab.TextKeys;
import coop.portal.vocab.Vocabulary;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a record into a Lucene document: its searchable fields, the place and cluster names
 * expanded with every alias the vocabulary knows, numeric fields for range filters, facet fields,
 * and its JSON for display.
 *
 * <p>Thread-safe.
 */
final class RecordDocuments {

    /** Text stored for highlighting, with offsets in the postings so the highlighter need not re-analyse it. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private final Vocabulary vocabulary;
    /** Names a cluster or place is searchable by, looked up once: records repeat the same few. */
    private final Map<String, List<String>> clusterNames = new ConcurrentHashMap<>();
    private final Map<String, List<String>> placeNames = new ConcurrentHashMap<>();

    RecordDocuments(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Document toDocument(Record r, String origin, String generation) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ID, r.id(), Field.Store.NO));
        doc.add(new StringField(IndexSchema.ORIGIN, origin, Field.Store.NO));
        doc.add(new StringField(IndexSchema.GENERATION, generation, Field.Store.NO));
        byte[] json = RecordJson.toJsonBytes(r.toBuilder().text(null).build());
        doc.add(new BinaryDocValuesField(IndexSchema.RECORD, new BytesRef(json)));
        doc.add(new Field(IndexSchema.TEXT, r.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(IndexSchema.TITLE, r.title(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.TITLE_SORT, new BytesRef(TextKeys.fold(r.title()))));
        for (String name : placeNames(r)) {
            doc.add(new TextField(IndexSchema.PLACES, name, Field.Store.NO));
        }
        for (String name : clusterNames(r)) {
            doc.add(new TextField(IndexSchema.CLUSTERS, name, Field.Store.NO));
        }
        if (r.population() != null) {
            doc.add(new LongPoint(IndexSchema.POPULATION, r.population()));
            doc.add(new NumericDocValuesField(IndexSchema.POPULATION, r.population()));
        }
        if (r.areaKm2() != null) {
            doc.add(new DoublePoint(IndexSchema.AREA, r.areaKm2()));
            doc.add(new DoubleDocValuesField(IndexSchema.AREA, r.areaKm2()));
        }
        addFacets(doc, r);
        return IndexSchema.facetsConfig().build(doc);
    }

    private static void addFacets(Document doc, Record r) {
        Set<String> seen = new LinkedHashSet<>();
        for (ClusterTag c : r.clusterDetails()) {
            if (!c.name().isBlank() && seen.add(c.name())) {
                doc.add(c.group() == null
                        ? new SortedSetDocValuesFacetField(IndexSchema.DIM_CLUSTER, c.name())
                        : new SortedSetDocValuesFacetField(IndexSchema.DIM_CLUSTER, c.group(), c.name()));
            }
        }
        new LinkedHashSet<>(r.countries()).stream().filter(c -> !c.isBlank())
                .forEach(c -> doc.add(new SortedSetDocValuesFacetField(IndexSchema.DIM_COUNTRY, c)));
        if (r.programme() != null && !r.programme().isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.DIM_PROGRAMME, r.programme()));
        }
        if (r.type() != null && !r.type().isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.DIM_TYPE, r.type()));
        }
    }

    /** Each place of the record with all its aliases, so "Huhehaote" and "呼和浩特" find Hohhot. */
    private Set<String> placeNames(Record r) {
        Set<String> names = new LinkedHashSet<>();
        for (String place : r.places()) {
            names.addAll(placeNames.computeIfAbsent(place, p -> {
                List<String> all = new java.util.ArrayList<>(List.of(p));
                vocabulary.gazetteer().place(p).ifPresent(known -> all.addAll(known.names()));
                return List.copyOf(all);
            }));
        }
        return names;
    }

    /** Each cluster with its group and their aliases, so "vocational training" and "职业教育" find the cluster. */
    private Set<String> clusterNames(Record r) {
        Set<String> names = new LinkedHashSet<>();
        for (ClusterTag c : r.clusterDetails()) {
            names.addAll(clusterNames.computeIfAbsent(c.name() + "\u001f" + c.group(), k -> {
                List<String> all = new java.util.ArrayList<>(List.of(c.name()));
                vocabulary.clusters().cluster(c.name()).ifPresent(known -> all.addAll(known.aliases()));
                if (c.group() != null) {
                    all.add(c.group());
                    vocabulary.clusters().group(c.group()).map(ClusterGroup::aliases).ifPresent(all::addAll);
                }
                return List.copyOf(all);
            }));
        }
        return names;
    }
}
