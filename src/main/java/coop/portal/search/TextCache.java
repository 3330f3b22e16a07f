package coop.portal.search;

import coop.portal.index.IndexSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The most recently read record texts, so that the records people keep finding are not
 * decompressed from the stored fields on every search: snippets are cut from them ten times per
 * search. Entries are keyed by the segment they were read from, so they never go stale; a closed
 * segment's entries age out.
 *
 * <p>Thread-safe.
 */
final class TextCache {

    private record Key(IndexReader.CacheKey segment, int doc) {
    }

    private static final Set<String> TEXT_ONLY = Set.of(IndexSchema.TEXT);

    private final Map<Key, String> texts;

    TextCache(int capacity) {
        this.texts = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
                return size() > capacity;
            }
        };
    }

    String text(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        Key key = new Key(leaf.reader().getCoreCacheHelper().getKey(), doc - leaf.docBase);
        synchronized (texts) {
            String t = texts.get(key);
            if (t != null) {
                return t;
            }
        }
        String t = leaf.reader().storedFields().document(key.doc(), TEXT_ONLY).get(IndexSchema.TEXT);
        t = t == null ? "" : t;
        synchronized (texts) {
            texts.put(key, t);
        }
        return t;
    }
}
