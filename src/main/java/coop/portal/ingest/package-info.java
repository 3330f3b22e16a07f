/**
 * Ingest: turns the files of a corpus folder into {@link coop.portal.record.Record}s. Each file
 * is parsed (Jsoup for HTML, Tika for PDF and office files, a charset-detecting decoder for plain
 * text, JSON Lines read as records), split into records by the layout it has (a profile brochure,
 * a page of city sections, a page of city paragraphs, or a single document), and each record is
 * given its metadata from the text and the {@link coop.portal.vocab.Vocabulary}.
 *
 * <p>Depends on record, vocab, Jsoup, Tika and Jackson; never on Lucene or Javalin.
 */
package coop.portal.ingest;
