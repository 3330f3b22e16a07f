package coop.portal.http;

import java.util.Map;

/**
 * Re-ingests the corpus into the index the server reads, for {@code POST /api/admin/reindex}.
 * The composition root supplies it: the HTTP layer knows nothing of ingest.
 */
@FunctionalInterface
public interface Reindex {

    /**
     * Runs one ingest to its end; the searcher sees the new records at its next refresh.
     *
     * @return a summary for the response body, as JSON-ready values (files, records, skipped, ...)
     * @throws Exception if the ingest failed; the previous index stays in place
     */
    Map<String, Object> run() throws Exception;
}
