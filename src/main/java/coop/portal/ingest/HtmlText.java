package coop.portal.ingest;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML element as paragraphs separated by blank lines: every block element
 * (paragraph, heading, list item, table cell...) becomes a paragraph, list items get a bullet,
 * {@code <br>} becomes a line break. Used for web pages and for the XHTML that Tika makes of PDF
 * and office files, so every format reaches the layouts in the same shape.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
            "table", "tr", "td", "th", "caption", "figure", "figcaption", "address", "ul", "ol", "dl", "hr", "body");
    private static final Pattern INLINE_SPACE = Pattern.compile("[ \\t\\f\\u00a0]+");

    private HtmlText() {
    }

    static String paragraphs(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(INLINE_SPACE.matcher(t.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                        if (tag.equals("li")) {
                            out.append("• ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        });
        return tidy(out.toString());
    }

    /** Lines stripped, at most one blank line between paragraphs. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (s.isEmpty() || s.equals("•")) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(s);
            blank = 0;
        }
        return out.toString();
    }
}
