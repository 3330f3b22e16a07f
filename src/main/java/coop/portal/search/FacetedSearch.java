package coop.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.TopDocs;

/**
 * One search with its facet counts: a {@link FacetingCollector} per slice of the index around
 * the collector that ranks the hits, if any, merged at the end.
 */
final class FacetedSearch implements CollectorManager<FacetingCollector, FacetedSearch.Result> {

    /** The ranked hits (null if nothing ranked them) and the merged counts. */
    record Result(TopDocs top, FacetingCollector counts) {
    }

    private final List<FacetingCollector.Selection> selections;
    private final CollectorManager<? extends Collector, ? extends TopDocs> ranking;
    private final FacetedSearcher searcher;

    /** @param ranking ranks the hits as they are counted; null to count only */
    FacetedSearch(List<FacetingCollector.Selection> selections, CollectorManager<? extends Collector, ? extends TopDocs> ranking,
                  FacetedSearcher searcher) {
        this.selections = selections;
        this.ranking = ranking;
        this.searcher = searcher;
    }

    @Override
    public FacetingCollector newCollector() throws IOException {
        return new FacetingCollector(selections, ranking == null ? null : ranking.newCollector(), searcher::facets, searcher.filters());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Result reduce(Collection<FacetingCollector> collectors) throws IOException {
        List<Collector> rankers = new ArrayList<>();
        FacetingCollector first = null;
        for (FacetingCollector c : collectors) {
            rankers.add(c.ranker());
            if (first == null) {
                first = c;
            } else {
                first.add(c);
            }
        }
        TopDocs top = ranking == null ? null : ((CollectorManager<Collector, ? extends TopDocs>) ranking).reduce(rankers);
        return new Result(top, first);
    }
}
