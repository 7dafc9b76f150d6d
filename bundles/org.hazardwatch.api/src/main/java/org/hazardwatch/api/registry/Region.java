package org.hazardwatch.api.registry;

/**
 * A region of the division tree.
 *
 * @param code GB/T 2260 code (2 digits province, 4 city, 6 county); parks: county code + "P" + two digits
 * @param fullName names from the province down, e.g. 山东省青岛市胶州市
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String fullName) {
}
