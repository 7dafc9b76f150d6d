package org.hazardwatch.api.model;

/** Lifecycle state of an alarm. The full ISA-18.2 lifecycle arrives with the alarm engine. */
public enum AlarmState {
    /** The condition is present. */
    ACTIVE,
    /** The condition has returned to normal. */
    CLEARED
}
