package org.hazardwatch.api.hazard;

import java.time.Instant;

/**
 * The outcome of a unit's latest GB 18218-2018 grading, from its snapshot.
 *
 * @param snapshotId the snapshot with the full working
 * @param edition "2018" or "2009"
 * @param s S as an exact decimal or fraction
 * @param major S ≥ 1
 * @param r R exact, or null when not major
 * @param grade 1 (highest) to 4, or null when not major
 */
public record GradingOutcome(long snapshotId, String edition, Instant gradedAt, String s, boolean major, String r,
        Integer grade) {
}
