package coop.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Ranks by score the matches that satisfy every facet selection. It counts nothing, so the
 * top-hits collector may tell the query to skip documents that cannot reach the top, which
 * saves most of the scoring of a search with many matches.
 */
final class SelectedRanking implements CollectorManager<SelectedRanking.Ranker, TopDocs> {

    private final List<FacetingCollector.Selection> selections;
    private final FacetedSearcher searcher;
    private final TopScoreDocCollectorManager top;

    SelectedRanking(List<FacetingCollector.Selection> selections, FacetedSearcher searcher, int depth) {
        this.selections = selections;
        this.searcher = searcher;
        // Counting is done elsewhere: no need to count hits exactly beyond the ranked ones.
        this.top = new TopScoreDocCollectorManager(depth, depth);
    }

    @Override
    public Ranker newCollector() throws IOException {
        return new Ranker(top.newCollector());
    }

    @Override
    public TopDocs reduce(Collection<Ranker> collectors) throws IOException {
        List<TopScoreDocCollector> inner = new ArrayList<>();
        collectors.forEach(c -> inner.add(c.top));
        return top.reduce(inner);
    }

    final class Ranker extends FilterCollector {
        private final TopScoreDocCollector top;

        Ranker(TopScoreDocCollector top) {
            super(top);
            this.top = top;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector rank = super.getLeafCollector(context);
            if (selections.isEmpty()) {
                return rank;
            }
            SelectedDocs selected = new SelectedDocs(selections, context, searcher.facets(context), searcher.filters());
            return new FilterLeafCollector(rank) {
                @Override
                public void collect(int doc) throws IOException {
                    if (selected.satisfiesAll(doc)) {
                        in.collect(doc);
                    }
                }
            };
        }
    }
}
