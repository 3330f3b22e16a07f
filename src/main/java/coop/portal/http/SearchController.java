package coop.portal.http;

import coop.portal.search.SearchRequest;
import coop.portal.search.SearchResult;
import coop.portal.search.Searcher;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code GET /api/search}: ranked, filtered, faceted and highlighted search, counted in the analytics. */
final class SearchController {

    private final Searcher searcher;
    private final SearchAnalytics analytics;

    SearchController(Searcher searcher, SearchAnalytics analytics) {
        this.searcher = searcher;
        this.analytics = analytics;
    }

    void search(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx.queryParamMap());
        SearchResult result = searcher.search(request);
        analytics.record(request.query(), result.total());
        ctx.contentType("application/json").result(SearchJson.write(result, request.query()));
    }
}
