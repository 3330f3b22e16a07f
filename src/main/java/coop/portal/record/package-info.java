/**
 * The record: one searchable unit (a city or region profile, a mission report, an abstract, a news
 * item or a page) with its metadata, and its JSON form, which is the public contract of
 * {@code /api/documents/{id}}, {@code /api/export} and JSON Lines input.
 *
 * <p>Depends only on the JDK and Jackson; every other package may depend on this one.
 */
package coop.portal.record;
