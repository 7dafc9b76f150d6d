package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.registry.RegistryService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.hazard.GradingSnapshot;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.SampleStore;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** Major hazard sources with their units, gradings and monitoring points (requirement A6). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.REGISTRY_VIEW)
public class HazardSourcesResource extends ScopedResource {

    /** A snapshot with its grading result as JSON. */
    public record SnapshotDetail(long id, long hazardSourceId, String unitCode, String unitName, String edition,
            Instant gradedAt, String gradedBy, String reason, boolean major, String s, String r, Integer grade,
            @JsonRawValue String result) {
    }

    /** A monitoring point of a hazard source, with its national type code, current value and active alarm. */
    public record SourcePoint(String id, String name, PointType type, String nationalCode, String unit, double rangeLow,
            double rangeHigh, Double alarmLow, Double alarmHigh, String area, String equipmentCode, Double value,
            Quality quality, Instant timestamp, AlarmState alarmState, AlarmKind alarmKind) {
    }

    private final HazardSourceService sources;
    private final RegistryService registry;
    private final SampleStore samples;
    private final AlarmStore alarms;

    public HazardSourcesResource(HazardSourceService sources, RegistryService registry, AccessControl access, SampleStore samples,
            AlarmStore alarms) {
        super(access);
        this.sources = sources;
        this.registry = registry;
        this.samples = samples;
        this.alarms = alarms;
    }

    @GET
    @Path("hazard-sources")
    public Page<HazardSourceSummary> list(@QueryParam("region") String region, @QueryParam("enterpriseId") String enterpriseId,
            @QueryParam("grade") String grade, @QueryParam("q") String text, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Long enterprise = null;
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            try {
                enterprise = Long.parseLong(enterpriseId.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("enterpriseId must be a whole number, not '" + enterpriseId + "'");
            }
        }
        Integer gradeFilter = grade == null || grade.isBlank() ? null : Params.number("grade", grade, 0, 1, 4);
        String regionFilter = region == null || region.isBlank() ? null : region.strip();
        if (regionFilter != null && !regionFilter.matches("[0-9]{2,6}(P[0-9]{2})?")) {
            throw new BadRequestException("region must be a region code such as 37 or 370281, not '" + region + "'");
        }
        return sources.list(new HazardSourceQuery(regionFilter, enterprise, gradeFilter, text, caller().scope()),
                Params.number("page", page, 0, 0, 1_000_000), Params.number("size", size, 20, 1, 500));
    }

    @GET
    @Path("hazard-sources/{id}")
    public HazardSource get(@PathParam("id") long id) {
        return sources.get(id).filter(s -> enterpriseVisible(s.enterpriseId())).orElseThrow(() -> notFound(id));
    }

    private boolean enterpriseVisible(Long enterpriseId) {
        if (caller().scope().isAll()) {
            return true;
        }
        return enterpriseId != null && registry.enterprise(enterpriseId)
                .map(e -> caller().sees(e.regionCode(), e.parkCode(), e.uscc())).orElse(false);
    }

    @POST
    @Path("hazard-sources")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.hazard-source-create", target = "hazard-source")
    public Response create(@Context HttpHeaders headers, HazardSource source) {
        if (source == null) {
            throw new IllegalArgumentException("a hazard source is required");
        }
        if (source.enterpriseId() != null && !enterpriseVisible(source.enterpriseId())) {
            throw new org.hazardwatch.api.registry.ValidationException(List.of(new org.hazardwatch.api.registry.FieldError(
                    "enterpriseId", "OUTSIDE_SCOPE", "is not an enterprise of your scope")));
        }
        HazardSource created = sources.create(source, user(headers));
        AuditTrail.target(request, Long.toString(created.id()));
        return Response.created(URI.create("hazard-sources/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("hazard-sources/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.hazard-source-update", target = "hazard-source")
    public HazardSource update(@Context HttpHeaders headers, @PathParam("id") long id, HazardSource source) {
        if (source == null) {
            throw new IllegalArgumentException("a hazard source is required");
        }
        AuditTrail.before(request, get(id));
        if (source.enterpriseId() != null && !enterpriseVisible(source.enterpriseId())) {
            throw new org.hazardwatch.api.registry.ValidationException(List.of(new org.hazardwatch.api.registry.FieldError(
                    "enterpriseId", "OUTSIDE_SCOPE", "is not an enterprise of your scope")));
        }
        return sources.update(id, source, user(headers)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("hazard-sources/{id}")
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.hazard-source-delete", target = "hazard-source")
    public Response delete(@PathParam("id") long id) {
        AuditTrail.before(request, get(id));
        if (!sources.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("hazard-sources/{id}/gradings")
    public List<GradingSnapshot> gradings(@PathParam("id") long id) {
        get(id);
        return sources.gradings(id);
    }

    /** Grades every unit again now, under the edition asked for (2018 by default, 2009 for old records). */
    @POST
    @Path("hazard-sources/{id}/gradings")
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.regrade", target = "hazard-source")
    public List<GradingSnapshot> regrade(@Context HttpHeaders headers, @PathParam("id") long id,
            @QueryParam("edition") String edition) {
        get(id);
        return sources.regrade(id, edition == null || edition.isBlank() ? "2018" : edition.strip(), user(headers))
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("gradings/{snapshotId}")
    public SnapshotDetail grading(@PathParam("snapshotId") long snapshotId) {
        GradingSnapshot g = sources.grading(snapshotId)
                .filter(snapshot -> sources.get(snapshot.hazardSourceId()).map(s -> enterpriseVisible(s.enterpriseId())).orElse(false))
                .orElseThrow(() -> new NotFoundException("no grading " + snapshotId));
        return new SnapshotDetail(g.id(), g.hazardSourceId(), g.unitCode(), g.unitName(), g.edition(), g.gradedAt(),
                g.gradedBy(), g.reason(), g.major(), g.s(), g.r(), g.grade(), g.resultJson());
    }

    @GET
    @Path("hazard-sources/{id}/points")
    public List<SourcePoint> points(@PathParam("id") long id) {
        get(id);
        Map<String, CurrentValue> current = samples.currentValues();
        Map<String, Alarm> active = alarms.activeByPoint();
        // the points are registry data; their values are live data, shown only to who sees them (C3)
        return sources.points(id).stream()
                .map(p -> seesLive(p.enterpriseCode()) ? view(p, current.get(p.id()), active.get(p.id())) : view(p, null, null)).toList();
    }

    private static SourcePoint view(MonitoringPoint p, CurrentValue value, Alarm alarm) {
        return new SourcePoint(p.id(), p.name(), p.type(), p.type().nationalCode(), p.unit(), p.rangeLow(), p.rangeHigh(),
                p.alarmLow(), p.alarmHigh(), p.area(), p.equipmentCode(), value == null ? null : value.value(),
                value == null ? null : value.quality(), value == null ? null : value.timestamp(),
                alarm == null ? null : alarm.state(), alarm == null ? null : alarm.kind());
    }

    private String user(HttpHeaders headers) {
        return username();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no hazard source " + id);
    }
}
