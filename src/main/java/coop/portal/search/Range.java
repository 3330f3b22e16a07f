package coop.portal.search;

/** A numeric range filter; a null bound is open. */
public record Range(Double min, Double max) {

    public static final Range ANY = new Range(null, null);

    public boolean isAny() {
        return min == null && max == null;
    }
}
