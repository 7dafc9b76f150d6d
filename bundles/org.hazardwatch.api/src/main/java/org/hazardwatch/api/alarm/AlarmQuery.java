package org.hazardwatch.api.alarm;

import java.time.Instant;
import java.util.Set;

import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;

/**
 * A search over alarm occurrences. {@code null} or empty means "any".
 *
 * @param pointId one point
 * @param pointIds only these points (the caller's scope: an enterprise's or a hazard source's points)
 * @param states only occurrences in these states
 * @param kinds only these kinds
 * @param category process alarms or instrument faults
 * @param priority only this priority
 * @param from raised at or after
 * @param to raised before
 * @param page zero-based page
 * @param size page size
 */
public record AlarmQuery(String pointId, Set<String> pointIds, Set<AlarmState> states, Set<AlarmKind> kinds,
        AlarmCategory category, AlarmPriority priority, Instant from, Instant to, int page, int size) {

    public AlarmQuery {
        pointIds = pointIds == null ? Set.of() : Set.copyOf(pointIds);
        states = states == null ? Set.of() : Set.copyOf(states);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    /** Every occurrence of one point, newest first. */
    public static AlarmQuery ofPoint(String pointId, int size) {
        return new AlarmQuery(pointId, null, null, null, null, null, null, null, 0, size);
    }

    /** Occurrences in any of {@code states}. */
    public static AlarmQuery inStates(Set<AlarmState> states, int size) {
        return new AlarmQuery(null, null, states, null, null, null, null, null, 0, size);
    }
}
