package org.hazardwatch.api.registry;

/**
 * A region with the numbers of enterprises, hazard sources and major hazard sources (S ≥ 1) in its subtree, for trees
 * with counts.
 */
public record RegionSummary(String code, String name, RegionLevel level, String parentCode, long enterpriseCount,
        long hazardSourceCount, long majorHazardSourceCount, boolean hasChildren) {
}
