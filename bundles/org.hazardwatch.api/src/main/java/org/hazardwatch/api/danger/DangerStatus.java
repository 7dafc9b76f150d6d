package org.hazardwatch.api.danger;

/** Where a hidden danger stands; see {@link DangerWorkflow}. */
public enum DangerStatus {
    /** Found and recorded (已登记), rectification not yet arranged. */
    FOUND,
    /** Being rectified (整改中) under a notice or the enterprise's own arrangement, with a deadline. */
    RECTIFYING,
    /** Rectified and reported with evidence, awaiting acceptance (待验收). */
    AWAITING_ACCEPTANCE,
    /** Accepted and closed (已销号). */
    CLOSED
}
