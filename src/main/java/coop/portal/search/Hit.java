package coop.portal.search;

import java.util.List;

/**
 * One record in a result list.
 *
 * @param snippet a passage of the text, HTML-escaped, with the matched words in {@code <mark>}
 */
public record Hit(String id, String title, String type, List<String> countries, String province, String programme,
                  List<String> clusters, List<String> places, Long population, Double areaKm2,
                  String snippet, float score) {
}
