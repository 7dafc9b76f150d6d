package org.hazardwatch.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking: the resolved user with organisation, data scope, permissions and the counties whose live data an
 * authorised request opened to them. Resolved once per request; immutable.
 *
 * @param liveGrants region or park codes of active authorised-access grants (C3)
 */
public record Caller(String username, String displayName, Long organisationId, String organisationName, OrgLevel level,
        DataScope scope, Set<Permission> permissions, Set<String> liveGrants) {

    public Caller {
        permissions = permissions == null || permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        liveGrants = liveGrants == null ? Set.of() : Set.copyOf(liveGrants);
    }

    /** The node itself (engine, shell of the node's operators): everything, every permission. */
    public static Caller system(String name) {
        return new Caller(name, name, null, "system", OrgLevel.NATIONAL, DataScope.all(), EnumSet.allOf(Permission.class),
                Set.of());
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether this caller sees an enterprise at all. */
    public boolean sees(String regionCode, String parkCode, String uscc) {
        return scope.coversEnterprise(regionCode, parkCode, uscc);
    }

    /**
     * Whether this caller sees the live parameters of an enterprise: in scope, and either below the city level, holding
     * {@link Permission#MONITORING_LIVE_ALL}, or granted its county or park by an authorised request.
     */
    public boolean seesLive(String regionCode, String parkCode, String uscc) {
        if (!sees(regionCode, parkCode, uscc) || !has(Permission.MONITORING_VIEW)) {
            return false;
        }
        if (!level.needsGrantForLive() || has(Permission.MONITORING_LIVE_ALL)) {
            return true;
        }
        return liveGrantFor(regionCode, parkCode) != null;
    }

    /** The grant that opens this county or park, or null. */
    public String liveGrantFor(String regionCode, String parkCode) {
        for (String granted : liveGrants) {
            if (granted.equals(parkCode) || (regionCode != null && regionCode.startsWith(granted))) {
                return granted;
            }
        }
        return null;
    }
}
