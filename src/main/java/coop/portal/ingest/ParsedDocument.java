package coop.portal.ingest;

/**
 * A document's text and what its file format says about it.
 *
 * @param title    the title the file carries (HTML title or heading, PDF or office title), or null
 * @param text     paragraphs separated by blank lines; line breaks inside a paragraph kept as found; no control
 *                 characters but line breaks and tabs
 * @param format   {@code text}, {@code html}, {@code pdf}, {@code docx}, ...
 * @param language language the file declares, or null
 * @param date     publication date the file declares (ISO 8601), or null
 * @param url      address the file declares for itself, or null
 */
public record ParsedDocument(String title, String text, String format, String language, String date, String url) {

    /** Whatever the format, title and text reach the layouts free of control characters. */
    public ParsedDocument {
        title = ControlCharacters.clean(title);
        text = ControlCharacters.clean(text);
    }

    public static ParsedDocument ofText(String text, String format) {
        return new ParsedDocument(null, text, format, null, null, null);
    }
}
