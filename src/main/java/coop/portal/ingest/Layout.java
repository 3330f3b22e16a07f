package coop.portal.ingest;

import java.util.List;
import java.util.Optional;

/** A way documents are laid out, which tells how to cut one into records. */
interface Layout {

    /**
     * The sections of a document that has this layout, or empty if it does not have it.
     *
     * @param blocks the document's text split at blank lines ({@link BlockText#blocks})
     */
    Optional<List<Section>> split(ParsedDocument doc, List<String> blocks);
}
