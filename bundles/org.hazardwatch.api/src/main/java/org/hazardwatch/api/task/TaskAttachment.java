package org.hazardwatch.api.task;

import java.time.Instant;

/**
 * A file an assignee reports with (photos, inspection records); it travels up with the report, content included, so
 * the issuer's node keeps it too.
 *
 * @param sha256 hex SHA-256 of the content, the same at every node
 */
public record TaskAttachment(long id, String taskId, String assigneeOrg, String fileName, String contentType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
