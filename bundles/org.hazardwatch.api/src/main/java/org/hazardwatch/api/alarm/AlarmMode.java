package org.hazardwatch.api.alarm;

/** Whether a point's alarms are evaluated and shown. */
public enum AlarmMode {
    /** Evaluated and annunciated. */
    IN_SERVICE,
    /**
     * Suppressed by design (e.g. the equipment is shut down): still evaluated and recorded, not annunciated and not
     * counted in operator KPIs.
     */
    SUPPRESSED,
    /** Out of service (e.g. under maintenance): not evaluated; open occurrences end. */
    OUT_OF_SERVICE
}
