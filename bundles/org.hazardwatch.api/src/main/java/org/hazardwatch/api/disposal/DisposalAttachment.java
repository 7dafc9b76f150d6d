package org.hazardwatch.api.disposal;

import java.time.Instant;

/**
 * A photo or file attached to a disposal; the content is fetched separately.
 *
 * @param sha256 hex SHA-256 of the content, to show it was not changed
 */
public record DisposalAttachment(long id, long disposalId, String fileName, String contentType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
