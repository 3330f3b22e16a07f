package coop.portal.http;

import coop.portal.search.Range;
import coop.portal.search.SearchRequest;
import coop.portal.search.SortOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a search request from query parameters, refusing anything malformed with a 400 that
 * names the parameter: {@code q}, the facet filters {@code cluster}, {@code country},
 * {@code programme} and {@code type} (repeatable), {@code populationMin/Max}, {@code areaMin/Max},
 * {@code page} (from 1), {@code size} (1 to {@value #MAX_SIZE}) and {@code sort}.
 */
final class SearchParams {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 10;
    static final List<String> FILTERS = List.of("cluster", "country", "programme", "type");
    private static final Set<String> OTHERS = Set.of("q", "page", "size", "sort",
            "populationMin", "populationMax", "areaMin", "areaMax");

    private SearchParams() {
    }

    /** Every parameter a search accepts. */
    static Set<String> names() {
        Set<String> names = new java.util.TreeSet<>(OTHERS);
        names.addAll(FILTERS);
        return names;
    }

    static SearchRequest read(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!OTHERS.contains(name) && !FILTERS.contains(name)) {
                throw new ProblemException(Problem.badParameter(name, "unknown parameter '" + name + "'"));
            }
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dim : FILTERS) {
            List<String> values = params.getOrDefault(dim, List.of()).stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            if (!values.isEmpty()) {
                filters.put(dim, values);
            }
        }
        int page = integer(params, "page", 1);
        if (page < 1) {
            throw new ProblemException(Problem.badParameter("page", "page must be 1 or more"));
        }
        int size = integer(params, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(Problem.badParameter("size", "size must be between 1 and " + MAX_SIZE));
        }
        SortOrder sort = null;
        String s = single(params, "sort");
        if (s != null && !s.isBlank()) {
            sort = SortOrder.parse(s).orElseThrow(() -> new ProblemException(Problem.badParameter("sort",
                    "sort must be relevance, title, population-desc or population-asc")));
        }
        return new SearchRequest(single(params, "q"), filters,
                range(params, "populationMin", "populationMax"), range(params, "areaMin", "areaMax"),
                page, size, sort);
    }

    private static Range range(Map<String, List<String>> params, String minName, String maxName) {
        Double min = decimal(params, minName);
        Double max = decimal(params, maxName);
        if (min != null && max != null && min > max) {
            throw new ProblemException(Problem.badParameter(minName, minName + " is greater than " + maxName));
        }
        return new Range(min, max);
    }

    /** The parameter's one value, or null; repeating a parameter that takes one value is an error. */
    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ProblemException(Problem.badParameter(name, name + " may be given only once"));
        }
        return values.get(0);
    }

    static int integer(Map<String, List<String>> params, String name, int fallback) {
        String v = single(params, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.badParameter(name, name + " must be a whole number"));
        }
    }

    private static Double decimal(Map<String, List<String>> params, String name) {
        String v = single(params, name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.badParameter(name, name + " must be a number"));
        }
    }
}
