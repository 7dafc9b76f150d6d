package org.hazardwatch.rest.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.analytics.OneMap;
import org.hazardwatch.api.analytics.WallDashboard;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/** The one map (J1) and the monitoring centre's wall screen. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ANALYTICS_VIEW)
public class OneMapResource extends ScopedResource {

    private final OneMap map;
    private final WallDashboard dashboard;

    public OneMapResource(OneMap map, WallDashboard dashboard, AccessControl access) {
        super(access);
        this.map = map;
        this.dashboard = dashboard;
    }

    /**
     * Every enterprise of the region (the caller's scope when absent) with a standing major hazard source or monitoring
     * points: where it is, its most severe grade, its live state. {@code grade} and {@code state} take comma lists.
     */
    @GET
    @Path("map/markers")
    public OneMap.Markers markers(@QueryParam("region") String region, @QueryParam("grade") String grade, @QueryParam("industry") String industry,
            @QueryParam("state") String state) {
        return map.markers(caller(), region, grades(grade), industry, states(state));
    }

    /** The card of one enterprise: registry data, hazard sources with risk levels, active alarms, today's alarms, accidents. */
    @GET
    @Path("map/enterprises/{uscc}")
    public OneMap.Card card(@PathParam("uscc") String uscc) {
        return map.card(caller(), uscc).orElseThrow(() -> notFound("no enterprise " + uscc + " in your scope"));
    }

    /** The wall screen of the caller's scope: totals, today's alarms by hour, risk levels, the worst enterprises. */
    @GET
    @Path("dashboard")
    public WallDashboard.Summary dashboard() {
        return dashboard.summary(caller());
    }

    static Set<Integer> grades(String text) {
        Set<Integer> grades = new LinkedHashSet<>();
        for (String part : list(text)) {
            try {
                grades.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new BadRequestException("grade takes numbers 1 to 4, comma separated, not '" + part + "'");
            }
        }
        return grades;
    }

    static Set<OneMap.MarkerState> states(String text) {
        Set<OneMap.MarkerState> states = EnumSet.noneOf(OneMap.MarkerState.class);
        for (String part : list(text)) {
            try {
                states.add(OneMap.MarkerState.valueOf(part.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("state takes " + java.util.Arrays.toString(OneMap.MarkerState.values()) + ", not '" + part + "'");
            }
        }
        return states;
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
