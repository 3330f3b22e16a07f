/**
 * HTTP: the Javalin server. The read API under {@code /api} (search, documents, export, health),
 * problem-details errors, and the static web page and embed widget from {@code web/}.
 *
 * <p>Depends on search, record and Javalin; never imports Lucene, so the same API can run over
 * another search engine.
 */
package coop.portal.http;
