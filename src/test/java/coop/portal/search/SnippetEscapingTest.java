package coop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.portal.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup in a document reaches a snippet as text, never as markup. */
class SnippetEscapingTest {

    @Test
    void snippetsEscapeTheHtmlADocumentContains(@TempDir Path corpus, @TempDir Path index) throws Exception {
        Files.writeString(corpus.resolve("note.txt"),
                "Dairy notes\n\nThe <script>alert('x')</script> dairy <b onmouseover=\"steal()\">farm</b> & co.\n");
        Fixtures.ingest(corpus, index);
        try (Searcher searcher = Searcher.open(index, Fixtures.vocabulary())) {
            SearchResult r = searcher.search(SearchRequest.of("dairy"));
            assertEquals(1, r.total());
            String snippet = r.hits().get(0).snippet();
            assertTrue(snippet.contains("&lt;script&gt;"), snippet);
            assertTrue(snippet.contains("<mark>dairy</mark>"), snippet);
            assertTrue(snippet.contains("&amp; co"), snippet);
            assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);

            String browsed = searcher.search(SearchRequest.of("")).hits().get(0).snippet();
            assertTrue(browsed.contains("&lt;script&gt;"), browsed);
            assertFalse(browsed.contains("<"), browsed);
        }
    }
}
