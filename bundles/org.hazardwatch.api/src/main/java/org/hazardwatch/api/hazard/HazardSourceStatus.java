package org.hazardwatch.api.hazard;

/** Registration state of a hazard source. */
public enum HazardSourceStatus {
    /** In operation and under monitoring. */
    ACTIVE,
    /** Temporarily out of use (停用). */
    SUSPENDED,
    /** Deregistered (核销): no longer a major hazard source; kept for the record. */
    DEREGISTERED
}
