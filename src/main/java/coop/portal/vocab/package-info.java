/**
 * Reference data shared by ingest and search: the thematic-cluster taxonomy, the gazetteer of
 * places, countries and programmes. The data itself lives in {@code src/main/resources/vocab/};
 * this package only loads and looks it up.
 *
 * <p>Depends only on the JDK and Jackson; never on Lucene or Javalin.
 */
package coop.portal.vocab;
