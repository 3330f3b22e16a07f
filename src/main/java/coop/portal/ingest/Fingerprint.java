package coop.portal.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a document: a SHA-256 digest of its bytes and of its sidecar's, so a
 * re-ingest reads a file again exactly when it or its metadata changed.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Path document) throws UnreadableDocumentException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, document);
            Path sidecar = CorpusWalker.sidecarOf(document);
            if (Files.isRegularFile(sidecar)) {
                update(digest, sidecar);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (AccessDeniedException e) {
            throw new UnreadableDocumentException("cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
