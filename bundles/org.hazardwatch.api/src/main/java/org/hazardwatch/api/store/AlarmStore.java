package org.hazardwatch.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;

/** Alarm records. Implementations are thread-safe. */
public interface AlarmStore {

    /** Alarms newest first, optionally only those in {@code state}, at most {@code limit}. */
    List<Alarm> list(AlarmState state, String pointId, int limit);

    /** The active alarm of a point, if there is one. */
    Optional<Alarm> findActive(String pointId);

    /** Every active alarm, keyed by point id (one query; used once per sample batch by the alarm check). */
    Map<String, Alarm> activeByPoint();

    Alarm raise(String pointId, AlarmKind kind, AlarmPriority priority, double value, double limit, Instant at);

    void clear(long alarmId, Instant at);
}
