package coop.portal.search;

import java.util.List;

/**
 * A partner candidate for a city or region, with the reasons it ranks where it does.
 *
 * @param sharedClusters clusters both records have
 * @param sharedTerms    characteristic words of the first record that the candidate's text uses too
 * @param profile        how the profiles match: "both cities", "similar size: ..."
 */
public record Partner(Hit hit, List<String> sharedClusters, List<String> sharedTerms, List<String> profile, double score) {

    public Partner {
        sharedClusters = List.copyOf(sharedClusters);
        sharedTerms = List.copyOf(sharedTerms);
        profile = List.copyOf(profile);
    }
}
