package coop.portal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ingest did: per file read, its record count and warnings; per file skipped, why.
 *
 * @param unchanged files whose records were kept because the file did not change
 * @param deleted   files that disappeared from the corpus, whose records were dropped
 * @param records   records in the index after the ingest
 * @param committed true if the index changed
 */
public record IngestReport(int files, int unchanged, int deleted, List<FileResult> results, int records,
                           boolean committed, Duration time) {

    /** One file read (reason null) or skipped (reason says why). */
    public record FileResult(String file, int records, String reason, List<String> warnings) {
        static FileResult read(String file, int records, List<String> warnings) {
            return new FileResult(file, records, null, List.copyOf(warnings));
        }

        static FileResult skipped(String file, String reason) {
            return new FileResult(file, 0, reason, List.of());
        }
    }

    public List<FileResult> skipped() {
        return results.stream().filter(r -> r.reason() != null).toList();
    }

    /** True if the corpus had readable content: some file was read now or is unchanged since the last ingest. */
    public boolean anythingRead() {
        return unchanged > 0 || results.stream().anyMatch(r -> r.reason() == null);
    }

    /** The report as JSON-ready values: counts, each file's records and warnings, each skipped file's reason. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("files", files);
        s.put("read", results.size() - skipped().size());
        s.put("unchanged", unchanged);
        s.put("removed", deleted);
        s.put("records", records);
        s.put("committed", committed);
        s.put("millis", time.toMillis());
        List<Map<String, Object>> perFile = new ArrayList<>();
        for (FileResult r : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.file());
            if (r.reason() == null) {
                f.put("records", r.records());
                f.put("warnings", r.warnings());
            } else {
                f.put("skipped", r.reason());
            }
            perFile.add(f);
        }
        s.put("results", perFile);
        return s;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Ingest finished in %.1f s: %d files, %d read, %d unchanged, %d skipped, %d removed%n",
                time.toMillis() / 1000.0, files, results.size() - skipped().size(), unchanged, skipped().size(), deleted);
        for (FileResult r : results) {
            if (r.reason() == null) {
                out.printf(Locale.ROOT, "  %-50s %6d record%s%n", r.file(), r.records(), r.records() == 1 ? "" : "s");
                r.warnings().forEach(w -> out.println("      " + w));
            }
        }
        for (FileResult r : skipped()) {
            out.printf("  skipped %s: %s%n", r.file(), r.reason());
        }
        out.printf(Locale.ROOT, "Index: %d records%s%n", records, committed ? "" : " (unchanged)");
    }
}
