package org.hazardwatch.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.retention.RetentionService;
import org.hazardwatch.api.retention.TrendBucket;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/** The minute and hour aggregates of a point, for long-range trends. */
@Path("/points/{id}/trend")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.MONITORING_VIEW)
public class PointTrendResource extends ScopedResource {

    private final RetentionService retention;
    private final PointRepository points;

    private final LiveAccessLog liveLog;

    public PointTrendResource(RetentionService retention, PointRepository points, AccessControl access, LiveAccessLog liveLog) {
        super(access);
        this.liveLog = liveLog;
        this.retention = retention;
        this.points = points;
    }

    /**
     * Aggregated trend of a point: {@code resolution} minute or hour, or auto (minutes up to 2 days, hours beyond);
     * the period defaults to the last 7 days.
     */
    @GET
    public Map<String, Object> trend(@PathParam("id") String pointId, @QueryParam("resolution") String resolution,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        var point = points.findById(pointId).filter(p -> seesLive(p.enterpriseCode()))
                .orElseThrow(() -> new NotFoundException("no monitoring point " + pointId));
        liveLog.record(caller(), java.util.List.of(String.valueOf(point.enterpriseCode())), "trend " + pointId, request.getRemoteAddr());
        Instant end = Params.instant("to", to, Instant.now());
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(7)));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        String r = resolution == null || resolution.isBlank() ? "auto" : resolution.strip().toLowerCase(java.util.Locale.ROOT);
        boolean hourly = switch (r) {
            case "minute" -> false;
            case "hour" -> true;
            case "auto" -> Duration.between(start, end).compareTo(Duration.ofDays(2)) > 0;
            default -> throw new IllegalArgumentException("resolution must be minute, hour or auto, not '" + resolution + "'");
        };
        List<TrendBucket> buckets = retention.trend(pointId, hourly, start, end, 20_000);
        return Map.of("pointId", pointId, "resolution", hourly ? "hour" : "minute", "buckets", buckets);
    }
}
