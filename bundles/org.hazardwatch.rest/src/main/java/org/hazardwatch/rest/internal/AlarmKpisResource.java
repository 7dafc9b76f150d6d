package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.alarm.AlarmKpiService;
import org.hazardwatch.api.alarm.AlarmKpis;

/** Alarm system KPIs (ISA-18.2 / EEMUA 191) per enterprise or per county; the period defaults to the last 24 hours. */
@Path("/alarm-kpis")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ALARM_VIEW)
public class AlarmKpisResource extends ScopedResource {

    private final AlarmKpiService kpis;

    public AlarmKpisResource(AlarmKpiService kpis, AccessControl access) {
        super(access);
        this.kpis = kpis;
    }

    @GET
    public List<AlarmKpis> summaries(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant end = Params.instant("to", to, Instant.now());
        String group = groupBy(groupBy);
        return kpis.summaries(group, Params.instant("from", from, end.minus(Duration.ofDays(1))), end).stream()
                .filter(k -> visible(group, k.code())).toList();
    }

    @GET
    @Path("{groupBy}/{code}")
    public AlarmKpis one(@PathParam("groupBy") String groupBy, @PathParam("code") String code,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = Params.instant("to", to, Instant.now());
        if (!visible(groupBy(groupBy), code)) {
            throw new NotFoundException("no " + groupBy + " " + code + " with monitoring points");
        }
        return kpis.kpis(groupBy(groupBy), code, Params.instant("from", from, end.minus(Duration.ofDays(1))), end)
                .orElseThrow(() -> new NotFoundException("no " + groupBy + " " + code + " with monitoring points"));
    }

    /** Enterprise groups by the enterprise; county groups only for callers whose scope holds the whole county. */
    private boolean visible(String groupBy, String code) {
        if (caller().scope().isAll()) {
            return true;
        }
        return AlarmKpiService.ENTERPRISE.equals(groupBy) ? sees(code) : caller().scope().coversRegion(code);
    }

    private static String groupBy(String text) {
        return text == null || text.isBlank() ? AlarmKpiService.ENTERPRISE : text.strip();
    }
}
