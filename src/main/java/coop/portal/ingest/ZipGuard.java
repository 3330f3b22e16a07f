package coop.portal.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses zip bombs before a parser opens them. Office files (DOCX, ODT, XLSX...) are zip
 * archives, and a small one can inflate to gigabytes: this inflates every entry once, counting,
 * and stops at a limit proportional to the file's size, whatever its directory claims.
 */
final class ZipGuard {

    /** An archive may inflate to this many times its own size... */
    private static final long MAX_RATIO = 100;
    /** ...but always to at least this much, for small archives of text. */
    private static final long MIN_ALLOWANCE = 20L * 1024 * 1024;
    /** And never to more than this. */
    private static final long MAX_INFLATED = 500L * 1024 * 1024;

    private ZipGuard() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static void check(byte[] bytes) throws UnreadableDocumentException {
        long allowance = Math.min(MAX_INFLATED, Math.max(MIN_ALLOWANCE, MAX_RATIO * bytes.length));
        long inflated = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > allowance) {
                        throw new UnreadableDocumentException(String.format(Locale.ROOT,
                                "rejected as a zip bomb: inflates to more than %,d MB from %,d kB",
                                allowance / (1024 * 1024), bytes.length / 1024));
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("corrupt archive: " + TikaExtractor.oneLine(e), e);
        }
    }
}
