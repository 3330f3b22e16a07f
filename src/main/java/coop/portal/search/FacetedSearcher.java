package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An index searcher that carries the facet ordinals of its reader, built once per reader when
 * the searcher manager opens it rather than on every search.
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState state;
    private final Set<String> dimensions = new HashSet<>();

    private FacetedSearcher(IndexReader reader) throws IOException {
        super(reader);
        FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        this.state = field == null ? null : new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig());
        if (state != null) {
            state.getDims().forEach(dimensions::add);
        }
    }

    /** The facet dimensions some record of this reader has a value for; asking for another one fails. */
    Set<String> dimensions() {
        return dimensions;
    }

    /** Facet ordinals of this reader, or null if no record has a facet value yet. */
    SortedSetDocValuesReaderState state() {
        return state;
    }

    static final class Factory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader);
        }
    }
}
