package coop.portal.ingest;

import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Any other document: one record, titled by the file's own title, else by a heading-like first
 * line, else by its opening words. Its type follows from its shape: an abstract opens with
 * "Abstract", a report tells of a mission, visit or delegation, a dated web page is news, and
 * anything else is left to the metadata: a profile of a known place, else a page.
 */
final class SingleDocumentLayout implements Layout {

    private static final int TITLE_WORDS = 14;
    private static final Pattern ABSTRACT = Pattern.compile("(?i)^(abstract|summary|project abstract)\\s*[:.]?$");
    private static final Pattern ABSTRACT_LEAD = Pattern.compile("(?i)^(abstract|summary)\\s*[:.]\\s*");
    private static final Pattern REPORT = Pattern.compile(
            "(?i)\\b(mission|delegation|visit|study tour|field trip|report|minutes|workshop report|fact-finding)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s");

    @Override
    public Optional<List<Section>> split(ParsedDocument doc, List<String> blocks) {
        List<String> paragraphs = new ArrayList<>();
        for (String b : blocks) {
            if (!Boilerplate.isFurniture(b)) {
                paragraphs.add(BlockText.flow(b));
            }
        }
        paragraphs = BlockText.mendBreaks(paragraphs.stream().filter(p -> !p.isBlank()).toList());
        String type = null;
        if (!paragraphs.isEmpty() && ABSTRACT.matcher(paragraphs.get(0)).matches()) {
            type = "abstract";
            paragraphs = paragraphs.subList(1, paragraphs.size());
        } else if (!paragraphs.isEmpty() && ABSTRACT_LEAD.matcher(paragraphs.get(0)).lookingAt()) {
            type = "abstract";
            paragraphs = new ArrayList<>(paragraphs);
            paragraphs.set(0, ABSTRACT_LEAD.matcher(paragraphs.get(0)).replaceFirst(""));
        }
        String title = doc.title();
        if ((title == null || title.isBlank()) && !paragraphs.isEmpty() && isHeading(paragraphs.get(0))) {
            title = paragraphs.get(0);
        }
        if (title != null && !paragraphs.isEmpty() && paragraphs.get(0).strip().equalsIgnoreCase(title.strip())) {
            // The title heads the text too (an HTML <h1>, a heading paragraph): it is the title, not text.
            paragraphs = paragraphs.subList(1, paragraphs.size());
        }
        String text = String.join("\n\n", paragraphs);
        if (title == null || title.isBlank()) {
            title = openingWords(text);
        }
        if (type == null) {
            type = typeOf(doc, title, paragraphs);
        }
        return Optional.of(List.of(Section.of(title.strip(), null, text, type, List.of())));
    }

    private static String typeOf(ParsedDocument doc, String title, List<String> paragraphs) {
        String opening = title + " " + (paragraphs.isEmpty() ? "" : paragraphs.get(0));
        if (REPORT.matcher(opening).find()) {
            return "report";
        }
        if ("html".equals(doc.format()) && doc.date() != null) {
            return "news";
        }
        return null;
    }

    private static boolean isHeading(String paragraph) {
        if (paragraph.contains("\n") || BlockText.words(paragraph) > TITLE_WORDS) {
            return false;
        }
        char last = paragraph.charAt(paragraph.length() - 1);
        return ".,;:".indexOf(last) < 0 && !BlockText.isListItem(paragraph);
    }

    /** The first sentence, cut at a word boundary if it is long; "Untitled" if the text has no words to open with. */
    static String openingWords(String text) {
        String first = SENTENCE_END.split(text.strip(), 2)[0].replaceAll("\\s+", " ");
        first = first.replaceAll("[.!?。！？]$", "").strip();
        if (first.isEmpty()) {
            // A text that opens with a lone full stop has no first sentence to be titled by.
            return "Untitled";
        }
        String[] words = first.split(" ");
        if (words.length <= TITLE_WORDS) {
            return first;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, TITLE_WORDS)) + "…";
    }
}
