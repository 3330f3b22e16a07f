package coop.portal.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a web page with Jsoup: the main content only (menus, headers, footers, sidebars, cookie
 * banners, share buttons and forms removed), its title, language, date and canonical address.
 */
final class HtmlExtractor {

    private static final String BOILERPLATE_TAGS =
            "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, select, "
            + "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=search], "
            + "[role=dialog], [aria-hidden=true], [hidden]";
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile(
            "(?i)(^|[-_ ])(cookie|consent|gdpr|banner|menu|navbar|nav|navigation|breadcrumbs?|footer|header|sidebar|"
            + "share|sharing|social|skip|skiplinks?|related|comments?|newsletter|subscribe|pagination|toolbar|masthead|"
            + "advert|ads|promo|popup|modal)([-_ ]|$)");
    private static final String MAIN_CONTENT = "main, [role=main], article, #content, #main, .content, .main-content, .entry-content, .post-content";
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,60}$");

    private HtmlExtractor() {
    }

    static ParsedDocument extract(byte[] bytes, String format) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        String title = title(doc);
        String language = blankToNull(doc.select("html").attr("lang"));
        String date = firstNonBlank(doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[name=date], meta[name=dc.date], meta[name=DC.date]").attr("content"),
                doc.select("time[datetime]").attr("datetime"));
        String url = firstNonBlank(doc.select("link[rel=canonical]").attr("href"),
                doc.select("meta[property=og:url]").attr("content"));
        Element body = doc.body();
        body.select(BOILERPLATE_TAGS).remove();
        body.getAllElements().stream()
                .filter(e -> e != body && BOILERPLATE_NAMES.matcher(e.id() + " " + e.className()).find())
                .filter(e -> e.select(MAIN_CONTENT).isEmpty())
                .forEach(Element::remove);
        Element main = body.selectFirst(MAIN_CONTENT);
        String text = HtmlText.paragraphs(main != null ? main : body);
        return new ParsedDocument(title, text, format, language, date == null ? null : date.strip(), url);
    }

    /** The page's first heading, else its {@code <title>} without the site name after a separator. */
    private static String title(Document doc) {
        Element h1 = doc.selectFirst("main h1, article h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        String og = doc.select("meta[property=og:title]").attr("content");
        String t = !og.isBlank() ? og : doc.title();
        t = TITLE_SUFFIX.matcher(t.strip()).replaceFirst("");
        return t.isBlank() ? null : t;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
