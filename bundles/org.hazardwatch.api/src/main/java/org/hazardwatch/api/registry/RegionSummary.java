package org.hazardwatch.api.registry;

/** A region with the number of enterprises in its subtree, for trees with counts. */
public record RegionSummary(String code, String name, RegionLevel level, String parentCode, long enterpriseCount,
        boolean hasChildren) {
}
