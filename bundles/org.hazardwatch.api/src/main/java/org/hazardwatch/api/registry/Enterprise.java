package org.hazardwatch.api.registry;

import java.time.Instant;

/**
 * An enterprise under supervision.
 *
 * @param id database id, null before it is stored
 * @param uscc unified social credit code (GB 32100-2015), unique
 * @param regionCode county-level region it sits in
 * @param parkCode chemical park it sits in, or null
 * @param industryCode GB/T 4754 industry code, e.g. 2614
 * @param regionName full name of the region (read only)
 */
public record Enterprise(Long id, String uscc, String name, String regionCode, String regionName, String parkCode,
        String industryCode, IndustryGroup industryGroup, String address, Double longitude, Double latitude,
        String contactName, String contactPhone, EnterpriseStatus status, Instant createdAt, Instant updatedAt) {
}
