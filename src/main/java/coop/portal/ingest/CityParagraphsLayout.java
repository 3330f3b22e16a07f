package coop.portal.ingest;

import coop.portal.vocab.Gazetteer;
import coop.portal.vocab.Mention;
import coop.portal.vocab.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page with one paragraph (or a few) per city and no headings, each opening with the city's
 * name, like the EC-Link page of pilot cities. Paragraphs that do not open with a place continue
 * the city before them; those before the first city introduce the page. When a paragraph is
 * about a district or new area of its city ("Xinbei District is one of the city's boroughs"),
 * the record is titled after the district.
 */
final class CityParagraphsLayout implements Layout {

    private static final int MIN_CITIES = 3;
    private static final int DISTRICT_MENTIONS = 2;

    private final Gazetteer gazetteer;

    CityParagraphsLayout(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public Optional<List<Section>> split(ParsedDocument doc, List<String> blocks) {
        List<String> paragraphs = blocks.stream().filter(b -> !Boilerplate.isFurniture(b)).map(BlockText::flow).toList();
        List<Integer> starts = new ArrayList<>();
        List<Place> cities = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Optional<Place> p = openingPlace(paragraphs.get(i));
            // A paragraph opening with the city of the paragraph before continues it.
            if (p.isPresent() && (cities.isEmpty() || cities.get(cities.size() - 1) != p.get())) {
                starts.add(i);
                cities.add(p.get());
            }
        }
        int candidates = paragraphs.size() - (starts.isEmpty() ? 0 : starts.get(0));
        if (new java.util.HashSet<>(cities).size() < MIN_CITIES || starts.size() * 2 < candidates) {
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : paragraphs.size();
            String text = BlockText.join(paragraphs.subList(starts.get(s), end));
            Place city = cities.get(s);
            Place subject = districtOf(city, text).orElse(city);
            String title = subject == city || subject.name().contains(city.name())
                    ? subject.name() : subject.name() + ", " + city.name();
            sections.add(Section.of(title, subject.name(), text, subject.isRegion() ? "region" : "city", List.of(subject.country())));
        }
        return Optional.of(sections);
    }

    /** The city, district or new area a paragraph opens with. */
    private Optional<Place> openingPlace(String paragraph) {
        List<Mention> mentions = gazetteer.mentions(paragraph.substring(0, Math.min(paragraph.length(), 60)));
        return mentions.stream().findFirst()
                .filter(m -> m.start() == 0 && m.place() != null && !m.place().isProvince())
                .map(Mention::place);
    }

    /** A district or new area of the city that the text names repeatedly, which is then its subject. */
    private Optional<Place> districtOf(Place city, String text) {
        return gazetteer.mentions(text).stream()
                .map(Mention::place)
                .filter(p -> p != null && p.isDistrict() && city.name().equals(p.within()))
                .filter(p -> gazetteer.mentions(text).stream().filter(m -> m.place() == p).count() >= DISTRICT_MENTIONS)
                .findFirst();
    }
}
