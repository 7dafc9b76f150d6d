package org.hazardwatch.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;
import java.util.List;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.store.PointRepository;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-sent events: alarm transitions ({@code event: alarm}, data an alarm view) and new values ({@code event:
 * sample}) as they happen. A comment every 15 s keeps proxies from closing the stream and finds dead clients; when a
 * client falls behind and events were dropped it gets {@code event: resync} and should reload what it shows. Streams
 * end after 30 minutes (the browser reconnects) so that no connection holds a thread for ever.
 */
@Path("/live")
@Requires({Permission.MONITORING_VIEW, Permission.ALARM_VIEW})
public class LiveResource extends ScopedResource {

    static final int MAX_STREAMS = 64;
    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(30);

    private final Supplier<LiveEventBus> bus;
    private final PointRepository points;
    private final ObjectMapper mapper;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    private final LiveAccessLog liveLog;

    public LiveResource(Supplier<LiveEventBus> bus, PointRepository points, ObjectMapper mapper, AccessControl access,
            LiveAccessLog liveLog) {
        super(access);
        this.liveLog = liveLog;
        this.bus = bus;
        this.points = points;
        this.mapper = mapper;
    }

    /**
     * @param topics comma-separated {@code alarm}, {@code sample} (default both)
     * @param pointIds comma-separated point ids to limit {@code sample} events to (default all)
     */
    @GET
    public Response stream(@QueryParam("topics") String topics, @QueryParam("points") String pointIds) {
        LiveEventBus live = bus.get();
        if (live == null) {
            throw new ServiceUnavailableException("live events are not available yet");
        }
        Set<String> wanted = topics == null || topics.isBlank() ? Set.of(LiveEvent.ALARM, LiveEvent.SAMPLE) : split(topics);
        for (String topic : wanted) {
            if (!topic.equals(LiveEvent.ALARM) && !topic.equals(LiveEvent.SAMPLE)) {
                throw new IllegalArgumentException("topics: 'alarm' and/or 'sample', not '" + topic + "'");
            }
        }
        Set<String> onlyPoints = pointIds == null || pointIds.isBlank() ? null : split(pointIds);
        Caller caller = caller();
        String clientIp = request.getRemoteAddr();
        if (!streams.tryAcquire()) {
            throw new ServiceUnavailableException("too many live streams (" + MAX_STREAMS + "); try again later");
        }
        StreamingOutput body = out -> {
            try (LiveEventBus.Subscription subscription = live.subscribe(2000)) {
                pump(subscription, wanted, onlyPoints, out, caller, clientIp);
            } catch (IOException clientGone) {
                // the browser closed the page or lost the network: the normal end of a stream, nothing to report
            } finally {
                streams.release();
            }
        };
        return Response.ok(body, "text/event-stream;charset=UTF-8").header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    /**
     * Writes the events the caller may see: alarms of enterprises in scope (with alarm:view), samples of enterprises
     * whose live data the caller sees (C3). The caller is resolved again every minute, so an ended grant or a changed
     * role takes effect on an open stream.
     */
    private void pump(LiveEventBus.Subscription subscription, Set<String> topics, Set<String> onlyPoints, OutputStream out,
            Caller initial, String clientIp) throws IOException {
        Caller caller = initial;
        long callerRefresh = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        write(out, "retry: 3000\nevent: hello\ndata: {\"topics\":" + mapper.writeValueAsString(topics) + "}\n\n");
        long deadline = System.nanoTime() + MAX_LIFETIME.toNanos();
        long dropped = 0;
        java.util.Map<String, MonitoringPoint> byId = null;
        try {
            while (System.nanoTime() < deadline && !subscription.isClosed()) {
                LiveEvent event = subscription.next(KEEPALIVE);
                if (subscription.dropped() != dropped) {
                    dropped = subscription.dropped();
                    write(out, "event: resync\ndata: {\"dropped\":" + dropped + "}\n\n");
                }
                if (event == null) {
                    write(out, ": keepalive\n\n");
                    continue;
                }
                if (!topics.contains(event.topic())) {
                    continue;
                }
                if (System.nanoTime() > callerRefresh) {
                    java.util.Optional<Caller> refreshed = access.caller(caller.username());
                    if (refreshed.isEmpty()) {
                        return; // disabled meanwhile
                    }
                    caller = refreshed.get();
                    callerRefresh = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                }
                if (byId == null || event.pointId() != null && !byId.containsKey(event.pointId())) {
                    byId = points.findAll().stream().collect(Collectors.toMap(MonitoringPoint::id, p -> p));
                }
                MonitoringPoint point = event.pointId() == null ? null : byId.get(event.pointId());
                String enterprise = point == null ? null : point.enterpriseCode();
                boolean visible = event.topic().equals(LiveEvent.ALARM)
                        ? caller.has(Permission.ALARM_VIEW) && access.sees(caller, enterprise)
                        : access.seesLive(caller, enterprise);
                if (!visible) {
                    continue;
                }
                if (event.topic().equals(LiveEvent.SAMPLE) && enterprise != null) {
                    liveLog.record(caller, List.of(enterprise), "live stream", clientIp);
                }
                Object data = event.data();
                if (event.topic().equals(LiveEvent.SAMPLE) && onlyPoints != null && !onlyPoints.contains(event.pointId())) {
                    continue;
                }
                if (data instanceof Alarm alarm) {
                    data = AlarmsResource.view(alarm, byId.get(alarm.pointId()), java.time.Instant.now());
                }
                write(out, "event: " + event.topic() + "\ndata: " + mapper.writeValueAsString(data) + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Set<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
