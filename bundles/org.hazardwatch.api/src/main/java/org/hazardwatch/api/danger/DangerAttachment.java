package org.hazardwatch.api.danger;

import java.time.Instant;

/**
 * A photo or file of a hidden danger; the content is fetched separately.
 *
 * @param stage FINDING (what was found), EVIDENCE (the rectification), or OTHER
 * @param sha256 hex SHA-256 of the content
 */
public record DangerAttachment(long id, String stage, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
        String uploadedBy) {
}
