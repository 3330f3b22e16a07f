package coop.portal.ingest;

import coop.portal.vocab.Cluster;
import coop.portal.vocab.ClusterTaxonomy;
import coop.portal.vocab.TextKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A brochure of place profiles, like the IURC brochure: a table of contents listing every
 * profile by section, then one profile per place with its cluster tags, its socio-economic
 * profile, its name and figures, photo credits, good practices and preferred areas of cooperation.
 *
 * <p>In extracted PDF text the parts of a profile stand out of order. European profiles start
 * with their tag lines and "General Socio-economic Profile"; Chinese ones start with photo credits
 * and print their tag lines after their figures, just before "Preferred Areas of Cooperation".
 * A profile therefore ends, once its own sections have begun, where a run of tag lines, credits or
 * page numbers leads to a new "General Socio-economic Profile" or to credits: the tag lines that
 * stand just before the next heading belong to that next profile. Profiles are matched to the
 * table of contents in order, which names the profiles whose headings were lost.
 */
final class ProfileBrochureLayout implements Layout {

    private static final int MIN_PROFILES = 3;
    private static final String PROFILE = "general socio-economic profile";
    private static final String PRACTICES = "good practices";
    private static final String PREFERRED = "preferred areas of cooperation";
    private static final Pattern TRAILING_FIGURE = Pattern.compile("^(.*\\p{L})\\s+(\\d{1,3}(?:[.,]\\d{3})+)$");

    enum Kind { PROFILE, PRACTICES, PREFERRED, TAG, CREDIT, PAGE, POPULATION, AREA, SHORT, TEXT }

    private final ClusterTaxonomy taxonomy;
    private final PlaceNames names;

    ProfileBrochureLayout(ClusterTaxonomy taxonomy, PlaceNames names) {
        this.taxonomy = taxonomy;
        this.names = names;
    }

    @Override
    public Optional<List<Section>> split(ParsedDocument doc, List<String> blocks) {
        long headings = blocks.stream().map(ProfileBrochureLayout::headingKey)
                .filter(k -> k.equals(PROFILE) || k.equals(PREFERRED)).count();
        if (headings < 2 * MIN_PROFILES) {
            return Optional.empty();
        }
        TableOfContents toc = TableOfContents.read(blocks);
        List<String> body = blocks.subList(toc.end(), blocks.size());
        List<Kind> kinds = body.stream().map(this::classify).toList();
        List<List<Integer>> profiles = segment(kinds);
        if (profiles.size() < MIN_PROFILES) {
            return Optional.empty();
        }
        boolean aligned = toc.entries().size() == profiles.size();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            TableOfContents.Entry entry = aligned ? toc.entries().get(i) : null;
            sections.add(profile(body, kinds, profiles.get(i), entry));
        }
        return Optional.of(sections);
    }

    Kind classify(String block) {
        String heading = headingKey(block);
        if (heading.equals(PROFILE)) {
            return Kind.PROFILE;
        }
        if (heading.equals(PRACTICES)) {
            return Kind.PRACTICES;
        }
        if (heading.equals(PREFERRED)) {
            return Kind.PREFERRED;
        }
        if (Boilerplate.isCredit(block)) {
            return Kind.CREDIT;
        }
        if (Boilerplate.isPageNumber(block)) {
            return Kind.PAGE;
        }
        if (Figures.isPopulationFigure(block)) {
            return Kind.POPULATION;
        }
        if (Figures.isAreaFigure(block)) {
            return Kind.AREA;
        }
        if (!block.contains("\n") && !taxonomy.fromTagLine(block).isEmpty()) {
            return Kind.TAG;
        }
        if (isShort(block)) {
            return Kind.SHORT;
        }
        return Kind.TEXT;
    }

    /**
     * Cuts the body into profiles. A profile's own sections begin with "Good Practices" or
     * "Preferred Areas of Cooperation"; after text there, a run of tags, credits and page numbers
     * that contains credits or a "General Socio-economic Profile" heading starts the next profile.
     */
    static List<List<Integer>> segment(List<Kind> kinds) {
        List<List<Integer>> profiles = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        boolean inSections = false;
        boolean sectionText = false;
        for (int i = 0; i < kinds.size(); i++) {
            Kind k = kinds.get(i);
            if (sectionText && startsProfile(kinds, i)) {
                profiles.add(current);
                current = new ArrayList<>();
                inSections = false;
                sectionText = false;
            }
            current.add(i);
            if (k == Kind.PRACTICES || k == Kind.PREFERRED) {
                inSections = true;
            } else if (inSections && (k == Kind.TEXT || k == Kind.SHORT || k == Kind.TAG)) {
                sectionText = true;
            }
        }
        if (!current.isEmpty()) {
            profiles.add(current);
        }
        return profiles;
    }

    private static boolean startsProfile(List<Kind> kinds, int from) {
        for (int j = from; j < kinds.size(); j++) {
            switch (kinds.get(j)) {
                case PROFILE, CREDIT -> {
                    return true;
                }
                case TAG, PAGE -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private Section profile(List<String> body, List<Kind> kinds, List<Integer> blocks, TableOfContents.Entry entry) {
        List<String> paragraphs = new ArrayList<>();
        LinkedHashSet<Cluster> stated = new LinkedHashSet<>();
        List<String> shortBlocks = new ArrayList<>();
        StringBuilder intro = new StringBuilder();
        Long population = null;
        Double area = null;
        String heading = null;
        boolean inSections = false;
        for (int i : blocks) {
            String block = body.get(i);
            Kind kind = kinds.get(i);
            switch (kind) {
                case PRACTICES, PREFERRED -> {
                    inSections = true;
                    paragraphs.add(BlockText.flow(block));
                }
                case PROFILE -> paragraphs.add(BlockText.flow(block));
                case TAG -> {
                    if (inSections) {
                        paragraphs.add(BlockText.flow(block));
                    } else {
                        stated.addAll(taxonomy.fromTagLine(block));
                    }
                }
                case POPULATION -> {
                    if (population == null && !inSections) {
                        population = Figures.population(block);
                    }
                }
                case AREA -> {
                    if (area == null && !inSections) {
                        area = Figures.area(block);
                    }
                }
                case SHORT -> {
                    String flowed = BlockText.flow(block);
                    var figure = TRAILING_FIGURE.matcher(flowed);
                    if (!inSections && heading == null && !intro.isEmpty()) {
                        if (figure.matches()) {
                            flowed = figure.group(1);
                            population = Figures.population(figure.group(2));
                        }
                        if (namesTheProfile(flowed, intro.toString()) || beforeFigures(kinds, i, blocks)) {
                            heading = flowed;
                            break;
                        }
                    }
                    shortBlocks.add(flowed);
                    paragraphs.add(flowed);
                }
                case TEXT -> {
                    String flowed = BlockText.flow(block);
                    if (!inSections) {
                        intro.append(flowed).append('\n');
                    }
                    paragraphs.add(flowed);
                }
                case CREDIT, PAGE -> {
                }
            }
        }
        String text = BlockText.join(paragraphs);
        String title = names.title(entry == null ? null : entry.name(), heading, intro.toString());
        String type = entry != null && entry.type() != null ? entry.type() : names.kind(title);
        List<String> countries = entry == null || entry.country() == null ? List.of() : List.of(entry.country());
        return new Section(title, null, text, type, countries, List.copyOf(stated), population, area);
    }

    /**
     * A heading names its profile when its first word recurs in the profile's opening text, allowing
     * for a typing slip in a longer word ("Murica" in the text of Murcia).
     */
    private static boolean namesTheProfile(String heading, String intro) {
        String first = TextKeys.key(heading).split(" ")[0];
        if (first.isEmpty()) {
            return false;
        }
        int slack = first.length() >= 5 ? 2 : 0;
        return java.util.Arrays.stream(TextKeys.key(intro).split(" "))
                .anyMatch(w -> TextKeys.editDistance(w, first) <= slack);
    }

    /** A short line right before the profile's printed figures is its name. */
    private static boolean beforeFigures(List<Kind> kinds, int at, List<Integer> blocks) {
        int next = blocks.indexOf(at) + 1;
        return next < blocks.size() && (kinds.get(blocks.get(next)) == Kind.POPULATION || kinds.get(blocks.get(next)) == Kind.AREA);
    }

    private static boolean isShort(String block) {
        String s = BlockText.clean(block);
        if (s.isEmpty() || block.contains("\n") || s.length() > 70 || BlockText.words(s) > 7) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return Character.isUpperCase(s.codePointAt(0)) && ".:;,!?".indexOf(last) < 0;
    }

    static String headingKey(String block) {
        return BlockText.clean(block).toLowerCase(Locale.ROOT).replaceAll("[^a-z -]", "").strip();
    }
}
