package org.hazardwatch.api.registration;

import java.time.Instant;

/**
 * A document of an application; the content is fetched separately.
 *
 * @param sha256 hex SHA-256 of the content, to show it was not changed since it was handed in
 */
public record RegistrationDocument(long id, DocumentType type, String fileName, String contentType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
