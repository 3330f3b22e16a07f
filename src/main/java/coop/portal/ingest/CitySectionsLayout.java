package coop.portal.ingest;

import coop.portal.vocab.Country;
import coop.portal.vocab.Gazetteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page with one section per city, each under a heading that names the city and its country
 * ("I. Chongqing, China", "Haikou China"), like the IUC Asia city pages. The text before the
 * first heading introduces the page and belongs to no city.
 */
final class CitySectionsLayout implements Layout {

    private static final int MIN_SECTIONS = 3;
    private static final int MAX_HEADING_WORDS = 7;
    private static final Pattern NUMBERING = Pattern.compile("^(?:[IVXLC]+|\\d{1,2})[.)]\\s*");

    private record Heading(String name, Country country) {
    }

    private final Gazetteer gazetteer;
    private final PlaceNames names;

    CitySectionsLayout(Gazetteer gazetteer, PlaceNames names) {
        this.gazetteer = gazetteer;
        this.names = names;
    }

    @Override
    public Optional<List<Section>> split(ParsedDocument doc, List<String> blocks) {
        List<Integer> at = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Optional<Heading> h = heading(blocks.get(i));
            if (h.isPresent()) {
                at.add(i);
                headings.add(h.get());
            }
        }
        if (at.size() < MIN_SECTIONS) {
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < at.size(); s++) {
            int end = s + 1 < at.size() ? at.get(s + 1) : blocks.size();
            List<String> paragraphs = new ArrayList<>();
            for (String block : blocks.subList(at.get(s) + 1, end)) {
                if (!Boilerplate.isFurniture(block)) {
                    paragraphs.add(BlockText.flow(block));
                }
            }
            Heading h = headings.get(s);
            String title = names.canonical(h.name());
            sections.add(Section.of(title, null, BlockText.join(paragraphs), names.kind(title),
                    List.of(h.country().name())));
        }
        return Optional.of(sections);
    }

    private Optional<Heading> heading(String block) {
        String line = BlockText.clean(block);
        if (block.contains("\n") || BlockText.words(line) > MAX_HEADING_WORDS || line.endsWith(".")) {
            return Optional.empty();
        }
        line = NUMBERING.matcher(line).replaceFirst("");
        String[] words = line.split("\\s+");
        for (int n = Math.min(3, words.length - 1); n >= 1; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            Optional<Country> country = gazetteer.country(tail);
            if (country.isPresent()) {
                String name = String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - n))
                        .replaceAll("[,\\s]+$", "");
                if (!name.isEmpty() && Character.isUpperCase(name.codePointAt(0))) {
                    return Optional.of(new Heading(name, country.get()));
                }
            }
        }
        return Optional.empty();
    }
}
