package org.hazardwatch.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/** Monitoring points with their live values: live data, so scoped by {@link AccessControl#seesLive} (C3). */
@Path("/points")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.MONITORING_VIEW)
public class PointsResource extends ScopedResource {

    static final Duration MAX_HISTORY_RANGE = Duration.ofDays(31);

    /** A monitoring point with its live state, as the monitoring page shows it. */
    public record PointView(String id, String name, PointType type, String unit, double rangeLow, double rangeHigh,
            Double alarmLow, Double alarmHigh, String area, String enterpriseCode, String hazardSourceCode, Double value,
            Quality quality, Instant timestamp, AlarmState alarmState, AlarmKind alarmKind) {
    }

    public record HistorySample(Instant timestamp, double value, Quality quality, QualityReason qualityReason) {
    }

    public record History(String pointId, String unit, Instant from, Instant to, boolean truncated, List<HistorySample> samples) {
    }

    private final PointRepository points;
    private final SampleStore samples;
    private final AlarmStore alarms;

    private final LiveAccessLog liveLog;

    public PointsResource(PointRepository points, SampleStore samples, AlarmStore alarms, AccessControl access, LiveAccessLog liveLog) {
        super(access);
        this.liveLog = liveLog;
        this.points = points;
        this.samples = samples;
        this.alarms = alarms;
    }

    @GET
    public List<PointView> list() {
        Map<String, CurrentValue> current = samples.currentValues();
        Map<String, Alarm> active = alarms.activeByPoint();
        List<PointView> views = new ArrayList<>();
        java.util.Set<String> enterprises = new java.util.HashSet<>();
        for (MonitoringPoint point : points.findAll()) {
            if (seesLive(point.enterpriseCode())) {
                views.add(view(point, current.get(point.id()), active.get(point.id())));
                enterprises.add(point.enterpriseCode());
            }
        }
        liveLog.record(caller(), enterprises, "points", request.getRemoteAddr());
        return views;
    }

    @GET
    @Path("/{id}")
    public PointView get(@PathParam("id") String id) {
        MonitoringPoint point = livePoint(id);
        return view(point, samples.currentValues().get(id), alarms.activeByPoint().get(id));
    }

    @GET
    @Path("/{id}/history")
    public History history(@PathParam("id") String id, @QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("limit") String limitText) {
        MonitoringPoint point = livePoint(id);
        Instant to = Params.instant("to", toText, Instant.now());
        Instant from = Params.instant("from", fromText, to.minus(Duration.ofHours(1)));
        if (!from.isBefore(to)) {
            throw new BadRequestException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_HISTORY_RANGE) > 0) {
            throw new BadRequestException("the range may span at most " + MAX_HISTORY_RANGE.toDays() + " days");
        }
        int limit = Params.limit(limitText, 20_000, 100_000);
        List<Sample> found = samples.history(id, from, to, limit + 1);
        boolean truncated = found.size() > limit;
        List<HistorySample> result = found.stream().limit(limit)
                .map(s -> new HistorySample(s.timestamp(), s.value(), s.quality(), s.qualityReason())).toList();
        return new History(id, point.unit(), from, to, truncated, result);
    }

    /** The point when the caller sees its live data; 404 otherwise, as for an unknown id. */
    private MonitoringPoint livePoint(String id) {
        MonitoringPoint point = points.findById(id).filter(p -> seesLive(p.enterpriseCode()))
                .orElseThrow(() -> new NotFoundException("no monitoring point '" + id + "'"));
        liveLog.record(caller(), List.of(point.enterpriseCode() == null ? "" : point.enterpriseCode()), "point " + id, request.getRemoteAddr());
        return point;
    }

    private static PointView view(MonitoringPoint p, CurrentValue value, Alarm alarm) {
        return new PointView(p.id(), p.name(), p.type(), p.unit(), p.rangeLow(), p.rangeHigh(), p.alarmLow(), p.alarmHigh(),
                p.area(), p.enterpriseCode(), p.hazardSourceCode(), value == null ? null : value.value(),
                value == null ? null : value.quality(), value == null ? null : value.timestamp(),
                alarm == null ? null : alarm.state(), alarm == null ? null : alarm.kind());
    }
}
