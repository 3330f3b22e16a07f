/**
 * Search: turns a {@link coop.portal.search.SearchRequest} into a
 * {@link coop.portal.search.SearchResult} with ranked hits, highlighted snippets and
 * drill-sideways facet counts, and looks records up by id. Everything Lucene-specific about
 * reading lives here and in index, so the http layer could run over another engine.
 *
 * <p>Depends on index, record, vocab and Lucene; never on ingest or Javalin.
 */
package coop.portal.search;
