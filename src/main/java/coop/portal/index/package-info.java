/**
 * Index: the Lucene side of records. {@link coop.portal.index.IndexSchema} owns the field names,
 * the analyzers and the facet configuration that writer and searcher share;
 * {@link coop.portal.index.RecordIndexer} writes records, one commit per ingest, so a reader
 * always sees either the previous complete set of records or the new one.
 *
 * <p>Depends on record, vocab and Lucene; never on ingest, search or Javalin.
 */
package coop.portal.index;
