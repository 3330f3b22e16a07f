package coop.portal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraph-level text handling shared by the layouts: splitting text into blocks at blank lines,
 * flowing the lines of a block into one paragraph, and cleaning extraction debris.
 */
final class BlockText {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00a0\\u3000]*\\n\\s*");
    private static final Pattern BULLET = Pattern.compile("^(?:[-–•·*▪●◦]\\s*)?(?:[oO•]\\s+|[-–•·*▪●◦]\\s*)(?=\\S)");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}[.)]\\s+");
    private static final int MIN_BROKEN_WORDS = 8;
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0\\u2000-\\u200b\\u3000]+");

    private BlockText() {
    }

    /** The blocks of a text: runs of lines between blank lines, stripped, never empty. */
    static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        for (String b : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
            String s = b.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * One paragraph from the lines of a block: lines joined with spaces, a word hyphenated at a
     * line end joined again, list items kept on lines of their own and marked with a bullet,
     * bold markers, repeated spaces and navigation lines ("more information") removed.
     */
    static String flow(String block) {
        StringBuilder out = new StringBuilder();
        for (String raw : block.split("\n")) {
            String line = clean(raw);
            if (line.isEmpty() || Boilerplate.isNavigation(line)) {
                continue;
            }
            boolean item = isListItem(line);
            if (item) {
                line = bulleted(line);
            }
            if (out.isEmpty()) {
                out.append(line);
            } else if (item) {
                out.append('\n').append(line);
            } else if (out.charAt(out.length() - 1) == '-' && Character.isLowerCase(line.charAt(0))
                    && out.length() > 1 && Character.isLetter(out.charAt(out.length() - 2))) {
                out.setLength(out.length() - 1);
                out.append(line);
            } else {
                out.append(' ').append(line);
            }
        }
        return out.toString();
    }

    /** A line with bold markers, odd spaces and surrounding blanks removed. */
    static String clean(String line) {
        return SPACES.matcher(line.replace("**", "")).replaceAll(" ").strip();
    }

    static boolean isListItem(String line) {
        return BULLET.matcher(line).find() || NUMBERED.matcher(line).find();
    }

    /** A list item with its extraction-mangled bullet ("- O ", "o ", "•") replaced by "• ". */
    static String bulleted(String line) {
        var m = BULLET.matcher(line);
        return m.find() ? "• " + line.substring(m.end()) : line;
    }

    /** A record's text: paragraphs cut by page breaks mended, empty ones dropped, a blank line between them. */
    static String join(List<String> paragraphs) {
        return String.join("\n\n", mendBreaks(paragraphs.stream().filter(p -> !p.isBlank()).toList()));
    }

    /**
     * Joins paragraphs that a page or column break cut in two: one that stops without closing
     * punctuation followed by one that starts in lower case. A heading ("General Socio-economic
     * Profile") is too short to be the first half of a broken paragraph.
     */
    static List<String> mendBreaks(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            if (!out.isEmpty() && !p.isEmpty() && Character.isLowerCase(p.codePointAt(0))
                    && words(out.get(out.size() - 1)) >= MIN_BROKEN_WORDS) {
                String last = out.get(out.size() - 1);
                char end = last.charAt(last.length() - 1);
                if (".!?:;\"”。！？".indexOf(end) < 0) {
                    boolean hyphenated = end == '-' && last.length() > 1 && Character.isLetter(last.charAt(last.length() - 2));
                    out.set(out.size() - 1, hyphenated ? last.substring(0, last.length() - 1) + p : last + " " + p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** Number of words, counting each Han character as one. */
    static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                n++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    n++;
                }
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                inWord = false;
            }
        }
        return n;
    }
}
