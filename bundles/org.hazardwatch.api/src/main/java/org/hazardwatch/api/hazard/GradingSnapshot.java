package org.hazardwatch.api.hazard;

import java.time.Instant;

/**
 * One stored grading of one unit. Snapshots are never changed; re-grading adds a new one.
 *
 * @param reason why it was taken: CREATED, UPDATED, REGRADED, IMPORTED
 * @param gradedBy user (or "system") who caused it
 * @param resultJson the full GB 18218 grading result (request, every line with its table rows, α, S, R, grade) as
 *        JSON; null in history lists
 */
public record GradingSnapshot(long id, long hazardSourceId, String unitCode, String unitName, String edition,
        Instant gradedAt, String gradedBy, String reason, boolean major, String s, String r, Integer grade,
        String resultJson) {
}
