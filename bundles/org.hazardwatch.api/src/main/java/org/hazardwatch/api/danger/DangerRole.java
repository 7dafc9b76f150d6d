package org.hazardwatch.api.danger;

/** A person's part in a hidden danger. */
public enum DangerRole {
    /** The enterprise's safety staff (hidden-danger:rectify, the enterprise in scope). */
    ENTERPRISE,
    /** The county or park regulator (hidden-danger:supervise, a county or park organisation, the enterprise in scope). */
    SUPERVISOR
}
