package org.hazardwatch.core.internal.alarm;

import java.time.Duration;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;

/**
 * The built-in alarm definition of a point without a stored one.
 * <ul>
 * <li>Limits: the point's catalogue limits become low and high. Gas detectors get the GB/T 50493-2019 levels: for
 * combustible gas in %LEL the first level (high) defaults to 25 and the second (high-high) to 50 %LEL; for toxic gas
 * the second level defaults to twice the first when the range allows.</li>
 * <li>Deadband and delays: the starting points ISA-18.2 (TR18.2.3) recommends per measured quantity, deadband as a
 * share of the span: flow 5 % / 15 s, level 5 % / 60 s, pressure 2 % / 15 s, temperature 1 % / 60 s. Gas detectors
 * alarm at once (no delay-on: a leak is never worth waiting for), with 1 % deadband and 15 s delay-off.</li>
 * <li>Priorities: gas high; pressure and temperature medium; others low; every high-high and low-low high.</li>
 * </ul>
 */
public final class AlarmDefaults {

    static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private AlarmDefaults() {
    }

    public static AlarmDefinition of(MonitoringPoint point) {
        AlarmPriority priority = priority(point.type());
        double span = point.rangeHigh() - point.rangeLow();
        AlarmLimit low = point.alarmLow() == null ? null : new AlarmLimit(point.alarmLow(), priority);
        AlarmLimit high = point.alarmHigh() == null ? null : new AlarmLimit(point.alarmHigh(), priority);
        AlarmLimit highHigh = null;
        if (point.type() == PointType.COMBUSTIBLE_GAS && isPercentLel(point.unit())) {
            if (high == null && point.rangeHigh() >= 25) {
                high = new AlarmLimit(25, priority);
            }
            if (high != null && high.value() < 50 && point.rangeHigh() >= 50) {
                highHigh = new AlarmLimit(50, AlarmPriority.HIGH);
            }
        } else if (point.type() == PointType.TOXIC_GAS && high != null && 2 * high.value() <= point.rangeHigh()) {
            highHigh = new AlarmLimit(2 * high.value(), AlarmPriority.HIGH);
        }
        return new AlarmDefinition(point.id(), null, low, high, highHigh, null, RATE_WINDOW,
                deadbandShare(point.type()) * span, delayOn(point.type()), delayOff(point.type()), AlarmMode.IN_SERVICE,
                null, null, null, null);
    }

    static boolean isPercentLel(String unit) {
        return unit != null && unit.replace(" ", "").equalsIgnoreCase("%LEL");
    }

    static AlarmPriority priority(PointType type) {
        return switch (type) {
            case COMBUSTIBLE_GAS, TOXIC_GAS -> AlarmPriority.HIGH;
            case PRESSURE, TEMPERATURE -> AlarmPriority.MEDIUM;
            default -> AlarmPriority.LOW;
        };
    }

    static double deadbandShare(PointType type) {
        return switch (type) {
            case FLOW, LEVEL -> 0.05;
            case PRESSURE -> 0.02;
            default -> 0.01;
        };
    }

    static Duration delayOn(PointType type) {
        return switch (type) {
            case FLOW, PRESSURE -> Duration.ofSeconds(15);
            case LEVEL, TEMPERATURE -> Duration.ofSeconds(60);
            case COMBUSTIBLE_GAS, TOXIC_GAS -> Duration.ZERO;
            default -> Duration.ofSeconds(15);
        };
    }

    static Duration delayOff(PointType type) {
        return switch (type) {
            case LEVEL, TEMPERATURE -> Duration.ofSeconds(60);
            default -> Duration.ofSeconds(15);
        };
    }
}
