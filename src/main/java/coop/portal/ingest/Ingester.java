package coop.portal.ingest;

import coop.portal.record.Record;
import coop.portal.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns one corpus file into records: JSON Lines are read as records; any other file is parsed,
 * cut into sections by the first layout that fits, and each section given its metadata and a
 * stable id built from the file and the record's title.
 *
 * <p>Thread-safe: files may be read in parallel.
 */
public final class Ingester {

    /**
     * Bumped whenever a change to ingest changes the records it makes from the same files, so
     * that every file is read again on the next ingest.
     */
    static final String VERSION = "3";

    private final DocumentParser parser;
    private final List<Layout> layouts;
    private final MetadataExtractor metadata;
    private final JsonLinesReader jsonLines;
    private final String pipeline;

    public Ingester(Vocabulary vocabulary, DocumentParser parser) {
        this.parser = parser;
        PlaceNames names = new PlaceNames(vocabulary.gazetteer());
        this.layouts = List.of(
                new ProfileBrochureLayout(vocabulary.clusters(), names),
                new CitySectionsLayout(vocabulary.gazetteer(), names),
                new CityParagraphsLayout(vocabulary.gazetteer()),
                new SingleDocumentLayout());
        this.metadata = new MetadataExtractor(vocabulary);
        this.jsonLines = new JsonLinesReader(vocabulary.clusters());
        this.pipeline = VERSION + "-" + vocabulary.fingerprint();
    }

    /** Identifies what this ingest makes of a file: its code version and the vocabulary it uses. */
    public String pipeline() {
        return pipeline;
    }

    /**
     * Reads a file and hands each of its records to {@code sink}.
     *
     * @return warnings about parts that were skipped (bad JSON lines), empty if none
     * @throws UnreadableDocumentException if nothing of the file can be read; the message says why
     */
    public List<String> read(SourceFile file, Consumer<Record> sink) throws UnreadableDocumentException {
        if (DocumentParser.extension(file.path()).equals("jsonl")) {
            return jsonLines.read(file.path(), file.relative(), sink);
        }
        records(file).forEach(sink);
        return List.of();
    }

    /** The records of one document. */
    public List<Record> records(SourceFile file) throws UnreadableDocumentException {
        Sidecar sidecar = Sidecar.of(file.path());
        ParsedDocument doc = parser.parse(file.path());
        List<String> blocks = BlockText.blocks(doc.text());
        if (blocks.isEmpty()) {
            throw new UnreadableDocumentException("no text in " + doc.format());
        }
        List<Section> sections = layouts.stream()
                .map(l -> l.split(doc, blocks))
                .flatMap(Optional::stream)
                .findFirst().orElseThrow();
        MetadataExtractor.DocumentContext context = metadata.context(doc.text(), sidecar);
        Map<String, Integer> seen = new HashMap<>();
        List<Record> records = new ArrayList<>();
        for (Section s : sections) {
            Record.Builder b = metadata.extract(s, doc, context, sidecar, sections.size() == 1);
            String slug = Slugs.slug(b.title());
            int n = seen.merge(slug, 1, Integer::sum);
            b.id(file.key() + "--" + slug + (n > 1 ? "-" + n : "")).source(file.relative());
            records.add(b.build());
        }
        return records;
    }
}
