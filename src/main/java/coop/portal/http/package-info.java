/**
 * HTTP: the Javalin server. The read API under {@code /api} (search, documents, export, health),
 * problem-details errors, the static web page and embed widget from {@code web/}, and what runs
 * the portal in production: the admin API behind a bearer token (re-ingest, search analytics),
 * {@code /metrics}, {@code /openapi.json} and the access log.
 *
 * <p>Depends on search, record and Javalin; never imports Lucene, so the same API can run over
 * another search engine, nor ingest: the composition root hands it a {@link coop.portal.http.Reindex}.
 */
package coop.portal.http;
