package coop.portal.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * All reference data, loaded once and shared: places, countries, clusters and programmes, and the
 * synonyms and query words search reads queries with.
 *
 * @param fingerprint digest of the data files ingest uses, so an index built with other data can be told apart
 */
public record Vocabulary(Gazetteer gazetteer, ClusterTaxonomy clusters, Programmes programmes, Synonyms synonyms,
                         QueryWords queryWords, String fingerprint) {

    private static final List<String> FILES = List.of(
            "/vocab/gazetteer.tsv", "/vocab/countries.tsv", "/vocab/clusters.json", "/vocab/programmes.tsv");

    public static Vocabulary load() {
        return new Vocabulary(Gazetteer.load(), ClusterTaxonomy.load(), Programmes.load(), Synonyms.load(),
                QueryWords.load(), digest());
    }

    private static String digest() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = Vocabulary.class.getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + file);
                    }
                    d.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
