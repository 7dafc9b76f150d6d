package org.hazardwatch.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of an alarm of a monitoring point, from its first activation until it is over (returned to normal and
 * acknowledged). A re-activation before acknowledgement (D back to B) continues the same occurrence and counts in
 * {@link #activations()}.
 *
 * @param id database id
 * @param pointId monitoring point id
 * @param kind which alarm of the point
 * @param state ISA-18.2 state
 * @param priority priority from the alarm definition
 * @param value the value that activated it (the latest activation)
 * @param limit the limit that was crossed (a rate in units per minute for {@link AlarmKind#RATE_OF_CHANGE})
 * @param raisedAt source time of the first activation
 * @param clearedAt source time it last returned to normal, or {@code null} while active
 * @param acknowledgedAt when it was acknowledged, or {@code null}
 * @param acknowledgedBy who acknowledged it, or {@code null}
 * @param shelvedUntil while shelved: when the shelving ends; otherwise {@code null}
 * @param shelveReason why it was shelved, or {@code null}
 * @param shelvedBy who shelved it, or {@code null}
 * @param suppressed raised while its definition was suppressed by design: recorded, not annunciated
 * @param activations how many times the condition became active in this occurrence
 * @param closedAt when the occurrence ended (state {@link AlarmState#NORMAL}), or {@code null}
 */
public record Alarm(long id, String pointId, AlarmKind kind, AlarmState state, AlarmPriority priority, double value,
        double limit, Instant raisedAt, Instant clearedAt, Instant acknowledgedAt, String acknowledgedBy,
        Instant shelvedUntil, String shelveReason, String shelvedBy, boolean suppressed, int activations, Instant closedAt) {

    public Alarm {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** A new occurrence, just activated. */
    public static Alarm activated(String pointId, AlarmKind kind, AlarmPriority priority, double value, double limit,
            Instant at, boolean suppressed) {
        return new Alarm(0, pointId, kind, AlarmState.UNACKED_ACTIVE, priority, value, limit, at, null, null, null, null,
                null, null, suppressed, 1, null);
    }

    public AlarmCategory category() {
        return kind.category();
    }

    /** Whether it is shelved at {@code now}. */
    public boolean isShelved(Instant now) {
        return shelvedUntil != null && now.isBefore(shelvedUntil);
    }

    /** Whether it is shown to operators at {@code now}: neither shelved nor suppressed by design. */
    public boolean isAnnunciated(Instant now) {
        return !suppressed && !isShelved(now);
    }

    public Alarm withState(AlarmState newState) {
        return new Alarm(id, pointId, kind, newState, priority, value, limit, raisedAt, clearedAt, acknowledgedAt,
                acknowledgedBy, shelvedUntil, shelveReason, shelvedBy, suppressed, activations, closedAt);
    }

    /** Activated again before anybody acknowledged its return (D to B). */
    public Alarm reactivated(double newValue, double newLimit, AlarmPriority newPriority) {
        return new Alarm(id, pointId, kind, AlarmState.UNACKED_ACTIVE, newPriority, newValue, newLimit, raisedAt, null,
                acknowledgedAt, acknowledgedBy, shelvedUntil, shelveReason, shelvedBy, suppressed, activations + 1, null);
    }

    /** The condition returned to normal at {@code at}. */
    public Alarm returned(Instant at) {
        AlarmState next = state == AlarmState.ACKED_ACTIVE ? AlarmState.NORMAL : AlarmState.UNACKED_RETURNED;
        return new Alarm(id, pointId, kind, next, priority, value, limit, raisedAt, at, acknowledgedAt, acknowledgedBy,
                shelvedUntil, shelveReason, shelvedBy, suppressed, activations, next == AlarmState.NORMAL ? at : null);
    }

    /** Acknowledged by {@code user} at {@code at}. */
    public Alarm acknowledged(String user, Instant at) {
        AlarmState next = state == AlarmState.UNACKED_RETURNED ? AlarmState.NORMAL : AlarmState.ACKED_ACTIVE;
        return new Alarm(id, pointId, kind, next, priority, value, limit, raisedAt, clearedAt, at, user, shelvedUntil,
                shelveReason, shelvedBy, suppressed, activations, next == AlarmState.NORMAL ? at : null);
    }

    /** Shelved until {@code until}, or unshelved when {@code until} is {@code null}. */
    public Alarm shelved(Instant until, String reason, String user) {
        return new Alarm(id, pointId, kind, state, priority, value, limit, raisedAt, clearedAt, acknowledgedAt,
                acknowledgedBy, until, until == null ? null : reason, until == null ? null : user, suppressed, activations,
                closedAt);
    }

    /** Ended without the usual lifecycle: its definition was taken out of service. */
    public Alarm closedOutOfService(Instant at) {
        return new Alarm(id, pointId, kind, AlarmState.NORMAL, priority, value, limit, raisedAt,
                clearedAt == null ? at : clearedAt, acknowledgedAt, acknowledgedBy, null, null, null, suppressed,
                activations, at);
    }

    public Alarm withSuppressed(boolean newSuppressed) {
        return new Alarm(id, pointId, kind, state, priority, value, limit, raisedAt, clearedAt, acknowledgedAt,
                acknowledgedBy, shelvedUntil, shelveReason, shelvedBy, newSuppressed, activations, closedAt);
    }

    public Alarm withId(long newId) {
        return new Alarm(newId, pointId, kind, state, priority, value, limit, raisedAt, clearedAt, acknowledgedAt,
                acknowledgedBy, shelvedUntil, shelveReason, shelvedBy, suppressed, activations, closedAt);
    }
}
