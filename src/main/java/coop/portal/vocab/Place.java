package coop.portal.vocab;

import java.util.List;

/**
 * A place of the gazetteer.
 *
 * @param kind     {@code city}, {@code district}, {@code new-area}, {@code region} or {@code province}
 * @param province the province or region the place lies in, or null
 * @param within   the city a district or new area belongs to, or null
 * @param aliases  other spellings, pinyin variants, exonyms and Chinese names
 */
public record Place(String name, String kind, String country, String province, String within,
                    double lat, double lon, List<String> aliases) {

    public Place {
        aliases = List.copyOf(aliases);
    }

    /** True for the areas that fill a record's {@code province}. */
    public boolean isProvince() {
        return kind.equals("province");
    }

    /** True for a European region of the programme (a region profile, not a city). */
    public boolean isRegion() {
        return kind.equals("region");
    }

    /** True for a part of a city: a district, development zone or new area. */
    public boolean isDistrict() {
        return kind.equals("district") || kind.equals("new-area");
    }

    /** The name and every alias. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}
