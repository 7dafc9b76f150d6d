package org.hazardwatch.api.model;

import java.time.Instant;

/**
 * An alarm raised for a monitoring point.
 *
 * @param id database id
 * @param pointId monitoring point id
 * @param kind which limit was crossed
 * @param state current state
 * @param priority priority
 * @param value the value that raised the alarm
 * @param limit the limit that was crossed
 * @param raisedAt source time of the sample that raised it
 * @param clearedAt source time of the sample that cleared it, or {@code null} while active
 */
public record Alarm(long id, String pointId, AlarmKind kind, AlarmState state, AlarmPriority priority, double value,
        double limit, Instant raisedAt, Instant clearedAt) {
}
