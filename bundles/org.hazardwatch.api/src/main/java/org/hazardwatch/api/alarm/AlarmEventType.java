package org.hazardwatch.api.alarm;

/** What happened to an alarm occurrence; every transition of the lifecycle is one event. */
public enum AlarmEventType {
    /** The condition became active (first time, or again before acknowledgement). */
    ACTIVATED,
    /** The condition returned to normal. */
    RETURNED,
    /** An operator acknowledged it. */
    ACKNOWLEDGED,
    /** An operator shelved it for a time, with a reason. */
    SHELVED,
    /** Shelving ended: by an operator, or because its time ran out. */
    UNSHELVED,
    /** Its definition was suppressed by design. */
    SUPPRESSED,
    /** Its definition is back in service after suppression. */
    UNSUPPRESSED,
    /** Its definition was taken out of service: the occurrence ended. */
    OUT_OF_SERVICE
}
