package coop.portal.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Renders a titled document as HTML, PDF, DOCX or ODT, the way real documents of the programmes arrive. */
final class TestDocuments {

    private TestDocuments() {
    }

    /** A web page: the text inside {@code <main>}, surrounded by a menu, a cookie banner and a footer. */
    static byte[] html(String title, List<String> paragraphs) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append(" | Cooperation Programme</title></head><body>")
                .append("<div class=\"cookie-banner\">We use cookies to improve this site. Accept all</div>")
                .append("<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/cities\">Cities</a></li>")
                .append("<li><a href=\"/news\">News</a></li></ul></nav></header><main><h1>").append(escape(title)).append("</h1>");
        for (String p : paragraphs) {
            b.append("<p>").append(escape(p)).append("</p>");
        }
        b.append("</main><aside class=\"sidebar\">Related pages: Barcelona, Murcia</aside>")
                .append("<footer>© 2024 Cooperation Programme. Contact us. Privacy policy.</footer></body></html>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF with the title as its first line and as its document title, paragraphs wrapped into lines. */
    static byte[] pdf(String title, List<String> paragraphs) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(title);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"H", title});
            for (String p : paragraphs) {
                lines.add(new String[] {"", ""});
                for (String l : wrap(p, 90)) {
                    lines.add(new String[] {"P", l});
                }
            }
            int i = 0;
            while (i < lines.size()) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.newLineAtOffset(50, 790);
                    for (int row = 0; row < 55 && i < lines.size(); row++, i++) {
                        String[] l = lines.get(i);
                        cs.setFont(l[0].equals("H") ? bold : font, l[0].equals("H") ? 16 : 10);
                        cs.showText(l[1]);
                        cs.newLineAtOffset(0, l[0].equals("H") ? -22 : -13);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A Word document with the title as its first paragraph and in its properties. */
    static byte[] docx(String title, List<String> paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            XWPFParagraph heading = doc.createParagraph();
            var run = heading.createRun();
            run.setBold(true);
            run.setText(title);
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An OpenDocument text: the title as a heading, then the paragraphs. */
    static byte[] odt(String title, List<String> paragraphs) throws IOException {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ")
                .append("xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">")
                .append("<office:body><office:text><text:h text:outline-level=\"1\">").append(escape(title)).append("</text:h>");
        for (String p : paragraphs) {
            content.append("<text:p>").append(escape(p)).append("</text:p>");
        }
        content.append("</office:text></office:body></office:document-content>");
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            zip.putNextEntry(mimetype);
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
