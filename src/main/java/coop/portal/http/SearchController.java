package coop.portal.http;

import coop.portal.search.SearchRequest;
import coop.portal.search.SearchResult;
import coop.portal.search.Searcher;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code GET /api/search}: ranked, filtered, faceted and highlighted search. */
final class SearchController {

    private final Searcher searcher;

    SearchController(Searcher searcher) {
        this.searcher = searcher;
    }

    void search(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx.queryParamMap());
        SearchResult result = searcher.search(request);
        ctx.contentType("application/json").result(SearchJson.write(result, request.query()));
    }
}
