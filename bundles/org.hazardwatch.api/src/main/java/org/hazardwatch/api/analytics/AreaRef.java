package org.hazardwatch.api.analytics;

/**
 * The area a statistic is about.
 *
 * @param code "" for the country, a division code (37, 3702, 370281), a park code or a USCC
 * @param kind NATION, PROVINCE, CITY, COUNTY, PARK or ENTERPRISE
 */
public record AreaRef(String code, String name, String kind) {
}
