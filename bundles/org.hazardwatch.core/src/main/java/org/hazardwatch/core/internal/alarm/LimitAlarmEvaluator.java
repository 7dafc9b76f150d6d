package org.hazardwatch.core.internal.alarm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.AlarmStore;

/**
 * The foundation's simple limit check: a GOOD sample at or above the high limit (or at or below the low limit)
 * raises an alarm for its point unless one of the same kind is active; a sample back inside the limits clears it.
 * Samples of bad or uncertain quality never raise or clear process alarms; a reading the data-quality filter found
 * invalid raises an instrument fault ({@link AlarmKind#FAULT}) instead, which the next GOOD reading clears. The full
 * alarm engine replaces this service.
 */
public class LimitAlarmEvaluator implements AlarmEvaluator {

    private final Function<String, Optional<MonitoringPoint>> points;
    private final AlarmStore alarms;

    public LimitAlarmEvaluator(Function<String, Optional<MonitoringPoint>> points, AlarmStore alarms) {
        this.points = points;
        this.alarms = alarms;
    }

    @Override
    public void evaluate(List<Sample> storedSamples) {
        Map<String, Alarm> active = null; // read once per batch, only when a sample needs it
        for (Sample sample : storedSamples) {
            boolean fault = isInstrumentFault(sample);
            if (sample.quality() != Quality.GOOD && !fault) {
                continue;
            }
            Optional<MonitoringPoint> point = points.apply(sample.pointId());
            if (point.isPresent()) {
                if (active == null) {
                    active = new HashMap<>(alarms.activeByPoint());
                }
                if (fault) {
                    raiseFault(point.get(), sample, active);
                } else {
                    evaluate(point.get(), sample, active);
                }
            }
        }
    }

    /** A reading the data-quality filter found invalid (not merely uncertain) points at the instrument. */
    static boolean isInstrumentFault(Sample sample) {
        return sample.quality() == Quality.BAD && sample.qualityReason() != null
                && sample.qualityReason() != QualityReason.FUTURE_TIMESTAMP
                && sample.qualityReason() != QualityReason.STALE_TIMESTAMP;
    }

    /**
     * An invalid reading raises an instrument fault, never a process alarm. A process alarm already active stays: the
     * reading says nothing about whether its condition is over.
     */
    private void raiseFault(MonitoringPoint point, Sample sample, Map<String, Alarm> activeByPoint) {
        if (activeByPoint.containsKey(point.id())) {
            return;
        }
        double limit = sample.qualityReason() == QualityReason.OUT_OF_RANGE
                ? (sample.value() < point.rangeLow() ? point.rangeLow() : point.rangeHigh()) : sample.value();
        activeByPoint.put(point.id(), alarms.raise(point.id(), AlarmKind.FAULT, AlarmPriority.MEDIUM,
                Double.isFinite(sample.value()) ? sample.value() : 0.0, limit, sample.timestamp()));
    }

    private void evaluate(MonitoringPoint point, Sample sample, Map<String, Alarm> activeByPoint) {
        AlarmKind violated = null;
        double limit = Double.NaN;
        if (point.alarmHigh() != null && sample.value() >= point.alarmHigh()) {
            violated = AlarmKind.HIGH;
            limit = point.alarmHigh();
        } else if (point.alarmLow() != null && sample.value() <= point.alarmLow()) {
            violated = AlarmKind.LOW;
            limit = point.alarmLow();
        }
        Alarm active = activeByPoint.get(point.id());
        if (active != null && active.kind() != violated) {
            alarms.clear(active.id(), sample.timestamp());
            activeByPoint.remove(point.id());
            active = null;
        }
        if (violated != null && active == null) {
            activeByPoint.put(point.id(),
                    alarms.raise(point.id(), violated, priorityOf(point.type()), sample.value(), limit, sample.timestamp()));
        }
    }

    static AlarmPriority priorityOf(PointType type) {
        return switch (type) {
            case COMBUSTIBLE_GAS, TOXIC_GAS -> AlarmPriority.HIGH;
            case PRESSURE, TEMPERATURE -> AlarmPriority.MEDIUM;
            default -> AlarmPriority.LOW;
        };
    }
}
