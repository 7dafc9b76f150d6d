package org.hazardwatch.api.hazard;

/**
 * Filter of the hazard source list; every field may be null (no filter).
 *
 * @param regionCode region subtree (code prefix)
 * @param enterpriseId one enterprise
 * @param grade grade 1-4
 * @param text part of the source's code or name, or of its enterprise's name
 */
public record HazardSourceQuery(String regionCode, Long enterpriseId, Integer grade, String text,
        org.hazardwatch.api.security.DataScope scope) {

    /** A query without a scope limit (the node itself, the shell). */
    public HazardSourceQuery(String regionCode, Long enterpriseId, Integer grade, String text) {
        this(regionCode, enterpriseId, grade, text, null);
    }
}
