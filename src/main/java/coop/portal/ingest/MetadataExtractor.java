package coop.portal.ingest;

import coop.portal.record.ClusterTag;
import coop.portal.record.Record;
import coop.portal.vocab.Country;
import coop.portal.vocab.Gazetteer;
import coop.portal.vocab.Mention;
import coop.portal.vocab.Place;
import coop.portal.vocab.Programme;
import coop.portal.vocab.TextKeys;
import coop.portal.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives a section its metadata: type, countries, province, programme and period, clusters
 * (stated, else inferred with evidence), population and area, places and language. What a
 * sidecar sets wins over what is detected.
 *
 * <p>A profile (a city or region record) is about one place: its country, province and figures
 * are that place's, and its places are that place and the city it belongs to. Any other record
 * names its places: those it names twice, in its title, or in a list of places.
 */
final class MetadataExtractor {

    private static final Set<String> PROFILE_TYPES = Set.of("city", "region");
    private static final Pattern LIST_GAP = Pattern.compile("^\\s*(?:\\([^)]{0,40}\\))?\\s*(?:,|;|、|，|and|&|or)\\s*(?:and\\s+)?$");
    private static final double HAN_SHARE_FOR_CHINESE = 0.3;

    private final Vocabulary vocabulary;
    private final Gazetteer gazetteer;
    private final ClusterInference inference;

    MetadataExtractor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.gazetteer = vocabulary.gazetteer();
        this.inference = new ClusterInference(vocabulary.clusters());
    }

    /** Programme and period of a whole document, which all its records share. */
    record DocumentContext(String programme, String period) {
    }

    DocumentContext context(String text, Sidecar sidecar) {
        Optional<Programme> named = sidecar.programme() != null
                ? vocabulary.programmes().programme(sidecar.programme())
                : vocabulary.programmes().mostNamed(text);
        String programme = named.map(Programme::name).orElse(sidecar.programme());
        String period = sidecar.period() != null ? sidecar.period()
                : named.flatMap(p -> vocabulary.programmes().period(text, p)).orElse(null);
        return new DocumentContext(programme, period);
    }

    Record.Builder extract(Section section, ParsedDocument doc, DocumentContext context, Sidecar sidecar, boolean single) {
        String title = single && sidecar.title() != null ? sidecar.title() : section.title();
        String text = section.text();
        String type = single && sidecar.type() != null ? sidecar.type()
                : section.type() != null ? section.type() : typeOfTitle(title);
        boolean profile = PROFILE_TYPES.contains(type);
        Optional<Place> subject = profile
                ? gazetteer.place(section.place() != null ? section.place() : title).filter(p -> !p.isProvince())
                : Optional.empty();
        String titled = title + "\n" + text;
        List<Mention> mentions = gazetteer.mentions(titled);

        List<Place> named = profile ? List.of() : namedPlaces(titled, title.length(), mentions);
        List<String> countries = !sidecar.countries().isEmpty() ? canonicalCountries(sidecar.countries())
                : countries(section, subject, mentions, named, profile);
        List<String> places = profile ? profilePlaces(title, subject) : named.stream().map(Place::name).toList();
        String province = sidecar.province() != null ? sidecar.province()
                : profile ? province(subject, mentions, countries) : sharedProvince(named, mentions);

        Long population = section.population();
        Double area = section.areaKm2();
        if (profile && population == null) {
            population = Figures.populationIn(text);
        }
        if (profile && area == null) {
            area = Figures.areaIn(text);
        }
        List<ClusterTag> clusters = !section.statedClusters().isEmpty()
                ? section.statedClusters().stream().map(c -> ClusterTag.stated(c.name(), c.group())).toList()
                : inference.infer(titled);
        String language = sidecar.language() != null ? sidecar.language()
                : doc.language() != null ? primaryLanguage(doc.language()) : detectLanguage(text);
        return Record.builder(null)
                .title(title).type(type).countries(countries).province(province)
                .programme(context.programme()).period(context.period())
                .clusterDetails(clusters).population(population).areaKm2(area).places(places)
                .url(sidecar.url() != null ? sidecar.url() : doc.url())
                .date(sidecar.date() != null ? sidecar.date() : doc.date())
                .language(language).text(text);
    }

    /** A document titled with the name of a known city or region is its profile; anything else is a page. */
    private String typeOfTitle(String title) {
        return gazetteer.place(title).filter(p -> !p.isProvince())
                .map(p -> p.isRegion() ? "region" : "city").orElse("page");
    }

    private List<String> countries(Section section, Optional<Place> subject, List<Mention> mentions, List<Place> named,
                                   boolean profile) {
        List<String> stated = canonicalCountries(section.countries());
        if (!stated.isEmpty()) {
            return stated;
        }
        if (subject.isPresent()) {
            return List.of(subject.get().country());
        }
        LinkedHashSet<String> found = new LinkedHashSet<>();
        for (Mention m : mentions) {
            if (m.country() != null) {
                found.add(m.country().name());
            } else if (named.contains(m.place())) {
                found.add(m.place().country());
            }
        }
        if (profile) {
            return found.stream().limit(1).toList();
        }
        // China first, then the others in the order the text names them.
        return found.stream().sorted(Comparator.comparing((String c) -> !"china".equals(side(c)))).toList();
    }

    private List<String> canonicalCountries(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            gazetteer.country(n).map(Country::name).ifPresent(c -> {
                if (!out.contains(c)) {
                    out.add(c);
                }
            });
        }
        return out;
    }

    private String side(String country) {
        return gazetteer.country(country).map(Country::side).orElse("other");
    }

    /**
     * The province or region of a profile, where its text names it: the gazetteer's for a known
     * place, else the one province of the record's country that the text names first.
     */
    private String province(Optional<Place> subject, List<Mention> mentions, List<String> countries) {
        if (subject.isPresent()) {
            String own = subject.get().province();
            boolean inName = own != null && (" " + TextKeys.key(subject.get().name()) + " ").contains(" " + TextKeys.key(own) + " ");
            return own != null && (inName || names(mentions, own)) ? own : null;
        }
        return mentions.stream().map(Mention::place)
                .filter(p -> p != null && (p.isProvince() || p.isRegion()) && countries.contains(p.country()))
                .map(p -> p.province() != null ? p.province() : p.name())
                .findFirst().orElse(null);
    }

    /** For a record about several places: their province, if they share one and the text names it. */
    private String sharedProvince(List<Place> named, List<Mention> mentions) {
        Set<String> provinces = new LinkedHashSet<>();
        named.forEach(p -> provinces.add(p.province()));
        if (provinces.size() != 1 || provinces.contains(null)) {
            return null;
        }
        String province = provinces.iterator().next();
        return names(mentions, province) ? province : null;
    }

    /** True if one of the mentions is the province or region of that name. */
    private boolean names(List<Mention> mentions, String province) {
        Optional<Place> area = gazetteer.place(province);
        return mentions.stream().anyMatch(m -> m.place() != null
                && (m.place().name().equals(province) || area.map(a -> a == m.place()).orElse(false)));
    }

    private List<String> profilePlaces(String title, Optional<Place> subject) {
        if (subject.isEmpty()) {
            return List.of(title);
        }
        Place p = subject.get();
        return p.within() == null ? List.of(p.name()) : List.of(p.name(), p.within());
    }

    /** Places named in the title, twice, or in a list of places ("Granada (Spain), Rome (Italy) and Nice"). */
    private static List<Place> namedPlaces(String text, int titleEnd, List<Mention> mentions) {
        List<Mention> places = mentions.stream().filter(m -> m.place() != null && !m.place().isProvince()).toList();
        Map<Place, Integer> counts = new LinkedHashMap<>();
        places.forEach(m -> counts.merge(m.place(), 1, Integer::sum));
        Set<Place> salient = new LinkedHashSet<>();
        for (int i = 0; i < places.size(); i++) {
            Mention m = places.get(i);
            boolean listed = (i > 0 && inList(text, places.get(i - 1), m))
                    || (i + 1 < places.size() && inList(text, m, places.get(i + 1)));
            if (m.end() <= titleEnd || counts.get(m.place()) >= 2 || listed) {
                salient.add(m.place());
            }
        }
        return List.copyOf(salient);
    }

    private static boolean inList(String text, Mention a, Mention b) {
        return LIST_GAP.matcher(text.substring(a.end(), b.start())).matches();
    }

    private static String primaryLanguage(String tag) {
        return tag.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
    }

    /** {@code zh} for a text mostly in Han characters, else {@code en}. */
    static String detectLanguage(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return letters > 0 && han >= letters * HAN_SHARE_FOR_CHINESE ? "zh" : "en";
    }
}
