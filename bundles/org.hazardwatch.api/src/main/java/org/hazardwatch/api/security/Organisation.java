package org.hazardwatch.api.security;

import java.time.Instant;
import java.util.List;

/**
 * An organisation: a regulator of a region (national, province, city, county or park) or an enterprise.
 *
 * @param id database id, null before it is stored
 * @param parentId the organisation above it, null for the national root
 * @param regionCode GB/T 2260 code of a regulator's region (park code for parks); for an enterprise its county
 * @param enterpriseUscc the enterprise an enterprise organisation stands for, null for regulators
 * @param enterpriseName name of that enterprise (read only)
 * @param regionName full name of the region (read only)
 * @param parkCode for an enterprise organisation, the park its enterprise sits in (read only)
 */
public record Organisation(Long id, Long parentId, String name, OrgLevel level, String regionCode, String regionName,
        String enterpriseUscc, String enterpriseName, String parkCode, List<Department> departments, int userCount, Instant createdAt) {

    public Organisation {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** Whether this organisation lies within a scope (an administrator's, a parent's). */
    public boolean within(DataScope outer) {
        return level == OrgLevel.ENTERPRISE ? outer.coversEnterprise(regionCode, parkCode, enterpriseUscc) : outer.contains(scope());
    }

    /** The data this organisation's users may see. */
    public DataScope scope() {
        return switch (level) {
            case NATIONAL -> DataScope.all();
            case PROVINCE, CITY, COUNTY -> DataScope.region(regionCode);
            case PARK -> DataScope.park(regionCode);
            case ENTERPRISE -> DataScope.enterprise(enterpriseUscc);
        };
    }
}
