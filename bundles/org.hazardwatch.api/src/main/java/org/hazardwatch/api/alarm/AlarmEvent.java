package org.hazardwatch.api.alarm;

import java.time.Instant;
import java.util.Objects;

import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;

/**
 * One entry of an alarm's history (alarm journal). Activations carry whether they were annunciated, so KPIs can count
 * what operators were actually shown.
 *
 * @param id database id
 * @param alarmId the occurrence
 * @param pointId its point
 * @param kind its kind
 * @param priority its priority at the time
 * @param type what happened
 * @param state the occurrence's state afterwards
 * @param at when (source time for activations and returns, server time for operator actions)
 * @param actor who did it ({@code system} for the engine)
 * @param comment the operator's comment or reason, or {@code null}
 * @param value the value at an activation or return, or {@code null}
 * @param annunciated whether an activation was shown to operators (not shelved, not suppressed)
 */
public record AlarmEvent(long id, long alarmId, String pointId, AlarmKind kind, AlarmPriority priority,
        AlarmEventType type, AlarmState state, Instant at, String actor, String comment, Double value,
        boolean annunciated) {

    /** The actor of what the alarm engine does by itself. */
    public static final String SYSTEM = "system";

    public AlarmEvent {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
