package coop.portal.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of a profile brochure: its sections ("CITIES OF EUROPE", "REGIONS OF
 * EUROPE", "CITIES AND REGIONS OF CHINA") and their entries in page order. Extraction leaves
 * entries whose names are lost (a bare page number), garbled ("-lefei") or laid out in two
 * columns; every entry is kept, since each stands for one profile.
 */
final class TableOfContents {

    /**
     * One listed profile.
     *
     * @param name    the name as printed, possibly garbled, or null when only the page survived
     * @param type    {@code city} or {@code region} when the section says, else null
     * @param country the country the section names, or null
     */
    record Entry(String name, String page, String type, String country) {
    }

    private static final Pattern SECTION = Pattern.compile("^[\\p{Lu}\\s&,-]*\\b(CITIES|REGIONS)\\b[\\p{Lu}\\s&,-]*$");
    private static final Pattern PAGE = Pattern.compile("^\\d[\\d/]{0,2}$");
    private static final Pattern NAME_THEN_PAGE = Pattern.compile("^(.*\\S)\\s{2,}(\\d{1,3})$");

    private final List<Entry> entries;
    private final int end;

    private TableOfContents(List<Entry> entries, int end) {
        this.entries = List.copyOf(entries);
        this.end = end;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Index of the first block after the table of contents (0 if there is none). */
    int end() {
        return end;
    }

    static TableOfContents read(List<String> blocks) {
        int start = -1;
        for (int i = 0; i < blocks.size() && start < 0; i++) {
            if (blocks.get(i).lines().anyMatch(l -> SECTION.matcher(l.strip()).matches())) {
                start = i;
            }
        }
        if (start < 0) {
            return new TableOfContents(List.of(), 0);
        }
        List<Entry> all = new ArrayList<>();
        List<Entry> section = new ArrayList<>();
        boolean twoColumns = false;
        String heading = null;
        int i = start;
        for (; i < blocks.size(); i++) {
            boolean tocBlock = false;
            for (String line : blocks.get(i).split("\n")) {
                String l = line.strip();
                if (SECTION.matcher(l).matches()) {
                    twoColumns = flush(all, section, twoColumns);
                    heading = l;
                    tocBlock = true;
                } else if (l.equalsIgnoreCase("content") || l.equalsIgnoreCase("contents")) {
                    tocBlock = true;
                } else {
                    List<String[]> found = entries(line);
                    for (String[] e : found) {
                        section.add(new Entry(e[0], e[1], type(heading), country(heading)));
                    }
                    twoColumns |= found.size() > 1;
                    tocBlock |= !found.isEmpty();
                }
            }
            if (!tocBlock) {
                break;
            }
        }
        flush(all, section, twoColumns);
        return new TableOfContents(all, i);
    }

    /** Adds a finished section's entries, in page order when the section was laid out in columns. */
    private static boolean flush(List<Entry> all, List<Entry> section, boolean twoColumns) {
        if (twoColumns) {
            section.sort(Comparator.comparingInt(e -> leadingNumber(e.page())));
        }
        all.addAll(section);
        section.clear();
        return false;
    }

    /** The (name, page) pairs of one line; a line holding only a page number is an entry without a name. */
    private static List<String[]> entries(String line) {
        List<String> cells = new ArrayList<>();
        if (line.contains("\t")) {
            for (String c : line.split("\t")) {
                if (!c.isBlank()) {
                    cells.add(c.strip());
                }
            }
        } else {
            Matcher m = NAME_THEN_PAGE.matcher(line.strip());
            if (m.matches()) {
                cells.add(m.group(1).replaceAll("[.·…\\s]+$", ""));
                cells.add(m.group(2));
            } else if (!line.isBlank()) {
                cells.add(line.strip());
            }
        }
        List<String[]> out = new ArrayList<>();
        if (cells.size() == 1 && PAGE.matcher(cells.get(0)).matches()) {
            out.add(new String[] {null, cells.get(0)});
            return out;
        }
        String name = null;
        for (String c : cells) {
            if (PAGE.matcher(c).matches()) {
                if (name != null) {
                    out.add(new String[] {name, c});
                }
                name = null;
            } else {
                name = c;
            }
        }
        return out;
    }

    private static String type(String heading) {
        if (heading == null) {
            return null;
        }
        boolean cities = heading.contains("CITIES");
        boolean regions = heading.contains("REGIONS");
        return cities == regions ? null : cities ? "city" : "region";
    }

    private static String country(String heading) {
        if (heading == null) {
            return null;
        }
        int of = heading.lastIndexOf(" OF ");
        if (of < 0) {
            return null;
        }
        String name = heading.substring(of + 4).strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() ? null : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static int leadingNumber(String page) {
        Matcher m = Pattern.compile("^\\d+").matcher(page);
        return m.find() ? Integer.parseInt(m.group()) : Integer.MAX_VALUE;
    }
}
