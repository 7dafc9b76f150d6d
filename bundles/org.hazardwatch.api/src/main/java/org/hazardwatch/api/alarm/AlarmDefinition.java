package org.hazardwatch.api.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.hazardwatch.api.model.AlarmKind;

/**
 * The alarm settings of one monitoring point (indicator management, 指标管理).
 *
 * @param pointId the point
 * @param lowLow low-low limit, or {@code null}
 * @param low low limit, or {@code null}
 * @param high high limit (gas detectors: first-level alarm), or {@code null}
 * @param highHigh high-high limit (gas detectors: second-level alarm), or {@code null}
 * @param rateOfChange largest allowed change in engineering units per minute, either direction, or {@code null}
 * @param rateWindow the window over which the rate is measured
 * @param deadband hysteresis in engineering units: a high alarm returns only below {@code high - deadband}
 * @param delayOn how long a condition must last before the alarm activates
 * @param delayOff how long the value must stay normal before the alarm returns
 * @param mode in service, suppressed by design, or out of service
 * @param modeReason why the mode is not {@link AlarmMode#IN_SERVICE}, or {@code null}
 * @param substance for toxic gas detectors: the gas (CAS number), for the GB/T 50493 check; otherwise {@code null}
 * @param updatedAt when it was last changed, {@code null} for the built-in default
 * @param updatedBy who changed it last, {@code null} for the built-in default
 */
public record AlarmDefinition(String pointId, AlarmLimit lowLow, AlarmLimit low, AlarmLimit high, AlarmLimit highHigh,
        AlarmLimit rateOfChange, Duration rateWindow, double deadband, Duration delayOn, Duration delayOff, AlarmMode mode,
        String modeReason, String substance, Instant updatedAt, String updatedBy) {

    public AlarmDefinition {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(rateWindow, "rateWindow");
        Objects.requireNonNull(delayOn, "delayOn");
        Objects.requireNonNull(delayOff, "delayOff");
        Objects.requireNonNull(mode, "mode");
    }

    /** The limit of a kind, or {@code null} (always for {@link AlarmKind#FAULT}). */
    public AlarmLimit limit(AlarmKind kind) {
        return switch (kind) {
            case LOW_LOW -> lowLow;
            case LOW -> low;
            case HIGH -> high;
            case HIGH_HIGH -> highHigh;
            case RATE_OF_CHANGE -> rateOfChange;
            case FAULT -> null;
        };
    }

    /** Whether this is the built-in default rather than a stored definition. */
    public boolean isDefault() {
        return updatedAt == null;
    }

    public AlarmDefinition withAudit(Instant at, String user) {
        return new AlarmDefinition(pointId, lowLow, low, high, highHigh, rateOfChange, rateWindow, deadband, delayOn,
                delayOff, mode, modeReason, substance, at, user);
    }
}
