package org.hazardwatch.api.task;

/** Where one organisation stands with a task issued to it. */
public enum AssignmentStatus {
    /** Issued, not opened yet. */
    ISSUED,
    /** Opened by the organisation (签收). */
    RECEIVED,
    /** Reported back; awaits the issuer's decision. */
    REPORTED,
    /** The issuer sent the report back for more (退回); to be reported again. */
    RETURNED,
    /** The issuer accepted the report: done. */
    ACCEPTED,
    /** The issuer withdrew the task from the organisation. */
    CANCELLED;

    public boolean isFinal() {
        return this == ACCEPTED || this == CANCELLED;
    }
}
