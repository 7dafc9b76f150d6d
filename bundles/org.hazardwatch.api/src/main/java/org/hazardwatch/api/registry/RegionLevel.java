package org.hazardwatch.api.registry;

/** Administrative level of a region (GB/T 2260), plus chemical parks, which rank with counties. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY,
    PARK
}
