package coop.portal.record;

import java.util.List;
import java.util.Objects;

/**
 * One searchable record and all its metadata. Immutable; lists are never null.
 *
 * @param id         stable, readable identifier: the same on every ingest of the same corpus
 * @param title      place name or document title
 * @param type       {@code city}, {@code region}, {@code report}, {@code abstract}, {@code news},
 *                   {@code page}, or whatever a JSON Lines source says
 * @param countries  English country names
 * @param province   Chinese province or European region the text names, or null
 * @param programme  canonical programme name, or null
 * @param period     programme period such as {@code 2021-2023}, or null
 * @param clusterDetails thematic clusters, stated ones first
 * @param population inhabitants of the place the record is about, or null
 * @param areaKm2    area of that place in square kilometres, or null
 * @param places     places the record is about or names as its subjects, its own place first
 * @param source     path of the source file relative to the corpus folder
 * @param url        where the document was published, or null
 * @param date       publication date (ISO 8601), or null
 * @param language   language tag of the text such as {@code en} or {@code zh}, or null
 * @param text       the record's text, clean of navigation and layout debris
 */
public record Record(
        String id,
        String title,
        String type,
        List<String> countries,
        String province,
        String programme,
        String period,
        List<ClusterTag> clusterDetails,
        Long population,
        Double areaKm2,
        List<String> places,
        String source,
        String url,
        String date,
        String language,
        String text) {

    public Record {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        countries = List.copyOf(countries == null ? List.of() : countries);
        clusterDetails = List.copyOf(clusterDetails == null ? List.of() : clusterDetails);
        places = List.copyOf(places == null ? List.of() : places);
        text = text == null ? "" : text;
    }

    /** Canonical names of the record's clusters, in the order of {@link #clusterDetails()}. */
    public List<String> clusters() {
        return clusterDetails.stream().map(ClusterTag::name).toList();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id).title(title).type(type).countries(countries).province(province)
                .programme(programme).period(period).clusterDetails(clusterDetails)
                .population(population).areaKm2(areaKm2).places(places).source(source).url(url)
                .date(date).language(language).text(text);
    }

    /** Assembles a record field by field; ingest fills fields as it learns them. */
    public static final class Builder {
        private String id;
        private String title;
        private String type;
        private List<String> countries = List.of();
        private String province;
        private String programme;
        private String period;
        private List<ClusterTag> clusterDetails = List.of();
        private Long population;
        private Double areaKm2;
        private List<String> places = List.of();
        private String source;
        private String url;
        private String date;
        private String language;
        private String text;

        private Builder(String id) {
            this.id = id;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder countries(List<String> v) { countries = v; return this; }
        public Builder province(String v) { province = v; return this; }
        public Builder programme(String v) { programme = v; return this; }
        public Builder period(String v) { period = v; return this; }
        public Builder clusterDetails(List<ClusterTag> v) { clusterDetails = v; return this; }
        public Builder population(Long v) { population = v; return this; }
        public Builder areaKm2(Double v) { areaKm2 = v; return this; }
        public Builder places(List<String> v) { places = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder date(String v) { date = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder text(String v) { text = v; return this; }

        public String title() { return title; }
        public String type() { return type; }
        public String text() { return text; }

        public Record build() {
            return new Record(id, title, type, countries, province, programme, period,
                    clusterDetails, population, areaKm2, places, source, url, date, language, text);
        }
    }
}
