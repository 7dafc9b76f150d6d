package org.hazardwatch.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmExport;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.PointRepository;

/** Alarm occurrences: search, one with its journal, and the operator actions acknowledge, shelve and unshelve. */
@Path("/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ALARM_VIEW)
public class AlarmsResource extends ScopedResource {

    static final Set<AlarmState> OPEN = EnumSet.of(AlarmState.UNACKED_ACTIVE, AlarmState.ACKED_ACTIVE, AlarmState.UNACKED_RETURNED);

    /** An occurrence with what a screen needs of its point, and whether it is shown to operators now. */
    public record AlarmView(long id, String pointId, String pointName, String unit, String area, String enterpriseCode,
            String hazardSourceCode, AlarmKind kind, AlarmCategory category, AlarmState state, AlarmPriority priority,
            double value, double limit, Instant raisedAt, Instant clearedAt, Instant acknowledgedAt, String acknowledgedBy,
            Instant shelvedUntil, String shelveReason, String shelvedBy, boolean shelved, boolean suppressed,
            boolean annunciated, int activations, Instant closedAt) {
    }

    public record AlarmDetail(AlarmView alarm, List<AlarmEvent> history) {
    }

    public record AckRequest(String comment, List<Long> ids) {
    }

    public record ShelveRequest(Integer minutes, String reason) {
    }

    /** The outcome of one alarm of a bulk acknowledgement. */
    public record AckResult(long id, boolean acknowledged, String error, AlarmView alarm) {
    }

    private final AlarmService alarms;
    private final PointRepository points;
    private final Supplier<AlarmExport> export;

    public AlarmsResource(AlarmService alarms, PointRepository points, AccessControl access, Supplier<AlarmExport> export) {
        super(access);
        this.alarms = alarms;
        this.points = points;
        this.export = export;
    }

    /**
     * Alarms newest first. {@code state} takes a comma-separated list of states or {@code OPEN} (anything not over);
     * {@code enterprise} and {@code hazardSource} narrow to their points.
     */
    @GET
    public Page<AlarmView> search(@QueryParam("state") String state, @QueryParam("pointId") String pointId,
            @QueryParam("enterprise") String enterprise, @QueryParam("hazardSource") String hazardSource,
            @QueryParam("kind") String kind, @QueryParam("category") String category,
            @QueryParam("priority") String priority, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Map<String, MonitoringPoint> byId = pointsById();
        AlarmQuery query = query(byId, state, pointId, enterprise, hazardSource, kind, category, priority, from, to,
                Params.number("page", page, 0, 0, 1_000_000), Params.number("size", size, 50, 1, 1000));
        if (query == null) {
            return new Page<>(0, 0, Params.number("size", size, 50, 1, 1000), List.of());
        }
        Page<Alarm> found = alarms.search(query);
        Instant now = Instant.now();
        return new Page<>(found.total(), found.page(), found.size(),
                found.items().stream().map(a -> view(a, byId.get(a.pointId()), now)).toList());
    }

    /** The alarms a search finds as a spreadsheet (format xlsx, the default, or csv), at most 100,000 rows. */
    @GET
    @Path("export")
    @Audited(value = "export.alarms", target = "alarm")
    @Produces({ RegistryTransferResource.XLSX, RegistryTransferResource.CSV, MediaType.APPLICATION_JSON })
    public Response export(@QueryParam("format") String format, @QueryParam("state") String state,
            @QueryParam("pointId") String pointId, @QueryParam("enterprise") String enterprise,
            @QueryParam("hazardSource") String hazardSource, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("priority") String priority,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        RegistryTransfer.Format f = RegistryTransferResource.format(format);
        AlarmExport service = export.get();
        if (service == null) {
            throw new ServiceUnavailableException("export is not installed (feature hazardwatch-transfer)");
        }
        AlarmQuery query = query(pointsById(), state, pointId, enterprise, hazardSource, kind, category, priority, from, to, 0, 1);
        // point ids never contain a space: this matches nothing, and the file still has its header
        AlarmQuery none = new AlarmQuery(" ", null, null, null, null, null, null, null, 0, 1);
        StreamingOutput body = out -> service.export(query == null ? none : query, f, out);
        String name = "hazardwatch-alarms-" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                + (f == RegistryTransfer.Format.XLSX ? ".xlsx" : ".csv");
        return Response.ok(body, f == RegistryTransfer.Format.XLSX ? RegistryTransferResource.XLSX : RegistryTransferResource.CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The query of the search parameters; null when the enterprise/hazard source filter matches no point. */
    private AlarmQuery query(Map<String, MonitoringPoint> byId, String state, String pointId, String enterprise,
            String hazardSource, String kind, String category, String priority, String from, String to, int page, int size) {
        Set<String> scope = Set.of();
        boolean everything = caller().scope().isAll();
        if (blank(pointId) != null && (!byId.containsKey(pointId.strip()) && !everything
                || byId.containsKey(pointId.strip()) && !sees(byId.get(pointId.strip()).enterpriseCode()))) {
            return null;
        }
        if (blank(enterprise) != null || blank(hazardSource) != null || !everything) {
            scope = byId.values().stream()
                    .filter(p -> everything || sees(p.enterpriseCode()))
                    .filter(p -> blank(enterprise) == null || enterprise.strip().equals(p.enterpriseCode()))
                    .filter(p -> blank(hazardSource) == null || hazardSource.strip().equals(p.hazardSourceCode()))
                    .map(MonitoringPoint::id).collect(Collectors.toSet());
            if (scope.isEmpty()) {
                return null;
            }
        }
        return new AlarmQuery(blank(pointId), scope, states(state), enums("kind", kind, AlarmKind.class),
                Params.enumValue("category", category, AlarmCategory.class),
                Params.enumValue("priority", priority, AlarmPriority.class), Params.instant("from", from, null),
                Params.instant("to", to, null), page, size);
    }

    @GET
    @Path("{id}")
    public AlarmDetail get(@PathParam("id") long id) {
        Alarm alarm = visible(id);
        return new AlarmDetail(view(alarm, points.findById(alarm.pointId()).orElse(null), Instant.now()), alarms.history(id));
    }

    @POST
    @Path("{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ALARM_ACKNOWLEDGE)
    @Audited(value = "alarm.acknowledge", target = "alarm")
    public AlarmView acknowledge(@PathParam("id") long id, AckRequest request) {
        AuditTrail.before(this.request, view(visible(id), null, Instant.now()));
        String user = username();
        return act(id, () -> alarms.acknowledge(id, user, request == null ? null : request.comment()));
    }

    /** Acknowledges several alarms; each one's outcome is reported, one refusal does not stop the others. */
    @POST
    @Path("ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ALARM_ACKNOWLEDGE)
    @Audited(value = "alarm.acknowledge-many", target = "alarm")
    public List<AckResult> acknowledgeAll(AckRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw new BadRequestException("ids: give the alarms to acknowledge");
        }
        if (request.ids().size() > 1000) {
            throw new BadRequestException("ids: at most 1000 alarms at once");
        }
        String user = username();
        List<AckResult> results = new ArrayList<>();
        Instant now = Instant.now();
        for (Long id : new java.util.LinkedHashSet<>(request.ids())) {
            if (id == null) {
                continue;
            }
            try {
                visible(id);
                Alarm alarm = alarms.acknowledge(id, user, request.comment());
                results.add(new AckResult(id, true, null, view(alarm, points.findById(alarm.pointId()).orElse(null), now)));
            } catch (NoSuchElementException | IllegalStateException | NotFoundException e) {
                results.add(new AckResult(id, false, e.getMessage(), null));
            }
        }
        return results;
    }

    @POST
    @Path("{id}/shelve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ALARM_ACKNOWLEDGE)
    @Audited(value = "alarm.shelve", target = "alarm")
    public AlarmView shelve(@PathParam("id") long id, ShelveRequest request) {
        if (request == null || request.minutes() == null) {
            throw new BadRequestException("minutes: say for how long (1 to " + AlarmService.MAX_SHELVE.toMinutes() + ")");
        }
        AuditTrail.before(this.request, view(visible(id), null, Instant.now()));
        String user = username();
        return act(id, () -> alarms.shelve(id, Duration.ofMinutes(request.minutes()), request.reason(), user));
    }

    @POST
    @Path("{id}/unshelve")
    @Requires(Permission.ALARM_ACKNOWLEDGE)
    @Audited(value = "alarm.unshelve", target = "alarm")
    public AlarmView unshelve(@PathParam("id") long id) {
        AuditTrail.before(this.request, view(visible(id), null, Instant.now()));
        String user = username();
        return act(id, () -> alarms.unshelve(id, user));
    }

    /** Runs an action: an unknown alarm is 404, one whose state does not allow it 409 with the reason. */
    private AlarmView act(long id, java.util.function.Supplier<Alarm> action) {
        Alarm alarm = Params.changing(action, "no alarm " + id);
        return view(alarm, points.findById(alarm.pointId()).orElse(null), Instant.now());
    }

    /** The alarm when the caller sees its enterprise; 404 otherwise, as for an unknown id. */
    Alarm visible(long id) {
        return visibleTo(caller(), id).orElseThrow(() -> new NotFoundException("no alarm " + id));
    }

    /** The alarm when this caller sees its enterprise (for other resources, which have their own request). */
    java.util.Optional<Alarm> visibleTo(org.hazardwatch.api.security.Caller caller, long id) {
        return alarms.find(id).filter(a -> access.sees(caller, points.findById(a.pointId()).map(MonitoringPoint::enterpriseCode).orElse(null)));
    }

    private Map<String, MonitoringPoint> pointsById() {
        return points.findAll().stream().collect(Collectors.toMap(MonitoringPoint::id, Function.identity()));
    }

    static AlarmView view(Alarm a, MonitoringPoint p, Instant now) {
        return new AlarmView(a.id(), a.pointId(), p == null ? a.pointId() : p.name(), p == null ? null : p.unit(),
                p == null ? null : p.area(), p == null ? null : p.enterpriseCode(), p == null ? null : p.hazardSourceCode(),
                a.kind(), a.category(), a.state(), a.priority(), a.value(), a.limit(), a.raisedAt(), a.clearedAt(),
                a.acknowledgedAt(), a.acknowledgedBy(), a.shelvedUntil(), a.shelveReason(), a.shelvedBy(), a.isShelved(now),
                a.suppressed(), a.isAnnunciated(now), a.activations(), a.closedAt());
    }

    private static Set<AlarmState> states(String text) {
        if (blank(text) == null) {
            return Set.of();
        }
        Set<AlarmState> states = new HashSet<>();
        for (String part : text.split(",")) {
            if (part.strip().equalsIgnoreCase("OPEN")) {
                states.addAll(OPEN);
            } else if (!part.isBlank()) {
                states.add(Params.enumValue("state", part, AlarmState.class));
            }
        }
        return states;
    }

    private static <E extends Enum<E>> Set<E> enums(String name, String text, Class<E> type) {
        if (blank(text) == null) {
            return Set.of();
        }
        Set<E> values = new HashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(Params.enumValue(name, part, type));
            }
        }
        return values;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
