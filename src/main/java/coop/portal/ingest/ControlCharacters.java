package coop.portal.ingest;

/**
 * Keeps control characters out of record text. They are not text: a stray NUL, escape or C1
 * byte from a broken file would be indexed, shown in snippets (where HTML forbids them) and
 * exported. Line and page breaks keep their meaning as breaks; the rest become spaces, so the
 * words they stood between stay apart.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text with line breaks as {@code \n}, page breaks as a blank line, tabs kept and every other control character a space. */
    static String clean(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\f' || c == '\u000b') {
                out.append("\n\n");
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
