package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;

@Command(scope = "hazardwatch", name = "read", description = "Shows one monitoring point: definition, current value, recent samples and active alarm")
@Service
public class ReadCommand implements Action {

    @Argument(index = 0, name = "point", required = true, description = "Monitoring point id")
    String pointId;

    @Option(name = "-n", description = "Number of recent samples to show (default 10)")
    int recent = 10;

    @Reference
    PointRepository points;

    @Reference
    SampleStore samples;

    @Reference
    AlarmStore alarms;

    @Override
    public Object execute() {
        Optional<MonitoringPoint> found = points.findById(pointId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No monitoring point '" + pointId + "'. List them with hazardwatch:points");
        }
        MonitoringPoint point = found.get();
        System.out.println(point.id() + "  " + point.name() + "  (" + point.type() + ", " + point.area() + ")");
        System.out.println("  range " + ValueFormat.format(point.rangeLow()) + " .. " + ValueFormat.format(point.rangeHigh())
                + " " + point.unit() + ", alarm low " + limit(point.alarmLow()) + ", high " + limit(point.alarmHigh()));
        CurrentValue current = samples.currentValues().get(point.id());
        System.out.println("  value  " + (current == null ? "none yet"
                : ValueFormat.format(current.value()) + " " + point.unit() + " " + current.quality() + " at " + current.timestamp()));
        List<Alarm> open = alarms.search(new AlarmQuery(point.id(), null, OPEN_STATES, null, null, null, null, null, 0, 20)).items();
        if (open.isEmpty()) {
            System.out.println("  alarm  none");
        }
        for (Alarm a : open) {
            System.out.println("  alarm  " + a.kind() + " " + a.priority() + " " + a.state() + " since " + a.raisedAt()
                    + " (value " + ValueFormat.format(a.value()) + ", limit " + ValueFormat.format(a.limit()) + ")");
        }
        Instant now = Instant.now();
        List<Sample> history = samples.history(point.id(), now.minus(Duration.ofHours(1)), now.plusSeconds(60), 100_000);
        List<Sample> tail = history.subList(Math.max(0, history.size() - recent), history.size());
        System.out.println("  last " + tail.size() + " samples:");
        for (Sample sample : tail) {
            System.out.println("    " + sample.timestamp() + "  " + ValueFormat.format(sample.value()) + "  " + sample.quality());
        }
        return null;
    }

    static final java.util.Set<AlarmState> OPEN_STATES = java.util.EnumSet.of(AlarmState.UNACKED_ACTIVE,
            AlarmState.ACKED_ACTIVE, AlarmState.UNACKED_RETURNED);

    private static String limit(Double value) {
        return value == null ? "-" : ValueFormat.format(value);
    }
}
