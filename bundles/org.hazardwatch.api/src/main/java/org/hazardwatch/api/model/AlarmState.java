package org.hazardwatch.api.model;

/**
 * The ISA-18.2 / IEC 62682 state of an alarm occurrence. Shelved, suppressed-by-design and out-of-service are not
 * states of their own here: they are overlays on an occurrence ({@link Alarm#shelvedUntil()}, {@link Alarm#suppressed()})
 * or on the alarm definition, so that the underlying condition and acknowledgement are never lost.
 */
public enum AlarmState {
    /** B: the condition is present and nobody has acknowledged it yet. */
    UNACKED_ACTIVE,
    /** C: the condition is present and acknowledged. */
    ACKED_ACTIVE,
    /** D: the condition has returned to normal before anybody acknowledged it. */
    UNACKED_RETURNED,
    /** A: returned to normal and acknowledged; the occurrence is over. */
    NORMAL;

    /** Whether the alarm condition is present. */
    public boolean isActive() {
        return this == UNACKED_ACTIVE || this == ACKED_ACTIVE;
    }

    /** Whether the occurrence still needs something: the condition or an acknowledgement. */
    public boolean isOpen() {
        return this != NORMAL;
    }

    /** Whether it waits for an acknowledgement. */
    public boolean isUnacknowledged() {
        return this == UNACKED_ACTIVE || this == UNACKED_RETURNED;
    }
}
