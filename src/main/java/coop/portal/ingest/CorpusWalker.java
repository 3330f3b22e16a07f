package coop.portal.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the documents of a corpus folder, in a stable order: every regular file below it except
 * hidden files and the metadata sidecars ({@code *.meta.json}) that belong to other files.
 */
public final class CorpusWalker {

    static final String SIDECAR_SUFFIX = ".meta.json";

    private CorpusWalker() {
    }

    public static List<SourceFile> walk(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder not found: " + corpus);
        }
        List<SourceFile> files = new ArrayList<>();
        Files.walkFileTree(corpus, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(corpus) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !isHidden(file) && !name.endsWith(SIDECAR_SUFFIX)) {
                    files.add(new SourceFile(file, relative(corpus, file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable entry is still listed, so the ingest reports it as skipped with its reason.
                files.add(new SourceFile(file, relative(corpus, file)));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SourceFile::relative));
        return withDistinctKeys(files);
    }

    /** "report.pdf" and "report.docx" in one folder: the first keeps the plain key, the others add their extension. */
    private static List<SourceFile> withDistinctKeys(List<SourceFile> files) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            String key = f.key();
            if (!taken.add(key)) {
                key = Slugs.slug(f.relative());
                taken.add(key);
            }
            out.add(new SourceFile(f.path(), f.relative(), key));
        }
        return out;
    }

    /** The sidecar metadata file of a document, whether or not it exists. */
    static Path sidecarOf(Path document) {
        return document.resolveSibling(document.getFileName() + SIDECAR_SUFFIX);
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static String relative(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
