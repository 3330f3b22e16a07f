package coop.portal.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads populations and areas: the figures a profile prints on their own ("1,666,530",
 * "122,59 km²", "1.320.000") and the ones a sentence gives ("a population of over 30 million
 * people", "an area of 2305 km2", "about 621,000 inhabitants", "439 square kilometres").
 */
final class Figures {

    private static final String NUMBER = "(\\d[\\d.,]*(?:\\s\\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)";
    private static final String SCALE = "(?:\\s*(million|thousand|billion|mn|m\\b))?";
    private static final String HEDGE = "(?:over|about|around|nearly|almost|approximately|roughly|more than|less than|some|close to|just over|just under)?\\s*";
    private static final String KM2 = "(?:km2|km²|km\\^2|sq\\.? ?km|square kilomet(?:re|er)s?|kilometres? square)";

    private static final Pattern FIGURE = Pattern.compile("^\\d{1,3}(?:[.,\\s]\\d{3})+$|^\\d{4,}$");
    private static final Pattern AREA_FIGURE = Pattern.compile("^(\\d[\\d.,]*)\\s*(?:km|kn)\\S*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern POPULATION_SENTENCE = Pattern.compile(
            "(?i)population of\\s+" + HEDGE + NUMBER + SCALE
            + "|" + HEDGE + NUMBER + SCALE + "\\s+(?:inhabitants|residents|people live)");
    private static final Pattern AREA_SENTENCE = Pattern.compile(
            "(?i)(?:area|territory|surface)\\s+(?:of\\s+)?" + HEDGE + NUMBER + SCALE + "\\s*" + KM2);
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50));

    private Figures() {
    }

    /** A block that is only a population figure. */
    static boolean isPopulationFigure(String block) {
        return FIGURE.matcher(block.strip()).matches();
    }

    /** A block that is only an area figure ("403.32 km²", also the OCR slip "94,222 kn"). */
    static boolean isAreaFigure(String block) {
        return AREA_FIGURE.matcher(block.strip()).matches();
    }

    static Long population(String block) {
        OptionalDouble v = number(block.strip(), true);
        return v.isPresent() ? Math.round(v.getAsDouble()) : null;
    }

    static Double area(String block) {
        Matcher m = AREA_FIGURE.matcher(block.strip());
        if (!m.matches()) {
            return null;
        }
        OptionalDouble v = number(m.group(1), false);
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** The first population a sentence of the text gives, or null. */
    static Long populationIn(String text) {
        Matcher m = POPULATION_SENTENCE.matcher(text);
        while (m.find()) {
            String number = m.group(1) != null ? m.group(1) : m.group(3);
            String scale = m.group(1) != null ? m.group(2) : m.group(4);
            OptionalDouble v = scaled(number, scale);
            if (v.isPresent() && v.getAsDouble() >= 100) {
                return Math.round(v.getAsDouble());
            }
        }
        return null;
    }

    /** The first area in square kilometres a sentence of the text gives, or null. */
    static Double areaIn(String text) {
        Matcher m = AREA_SENTENCE.matcher(text);
        if (m.find()) {
            OptionalDouble v = scaled(m.group(1), m.group(2));
            return v.isPresent() ? v.getAsDouble() : null;
        }
        return null;
    }

    private static OptionalDouble scaled(String number, String scale) {
        String s = scale == null ? "" : scale.toLowerCase(Locale.ROOT);
        OptionalDouble v = number(number, s.isEmpty());
        if (v.isEmpty()) {
            return v;
        }
        double factor = switch (s) {
            case "million", "mn", "m" -> 1e6;
            case "thousand" -> 1e3;
            case "billion" -> 1e9;
            default -> 1;
        };
        return OptionalDouble.of(v.getAsDouble() * factor);
    }

    /**
     * A number as printed in English or continental style. A lone separator followed by exactly
     * three digits groups thousands when the number is a count ({@code integer}), and is a
     * decimal point otherwise only if it is a full stop.
     */
    static OptionalDouble number(String printed, boolean integer) {
        String s = printed.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        if (WORDS.containsKey(s)) {
            return OptionalDouble.of(WORDS.get(s));
        }
        s = s.replaceAll("[.,]+$", "");
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return OptionalDouble.empty();
        }
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        String plain;
        if (lastComma >= 0 && lastDot >= 0) {
            char decimal = lastComma > lastDot ? ',' : '.';
            char group = decimal == ',' ? '.' : ',';
            plain = s.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (lastComma >= 0 || lastDot >= 0) {
            char sep = lastComma >= 0 ? ',' : '.';
            int last = Math.max(lastComma, lastDot);
            boolean several = s.indexOf(sep) != last;
            boolean grouped = s.length() - last - 1 == 3 && (several || integer || sep == ',');
            plain = grouped ? s.replace(String.valueOf(sep), "") : s.replace(sep, '.');
        } else {
            plain = s;
        }
        try {
            return OptionalDouble.of(Double.parseDouble(plain));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
