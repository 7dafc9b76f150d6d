package org.hazardwatch.api.task;

/** What can be done to an assignment. */
public enum TaskAction {
    /** The assignee opens it (签收). */
    RECEIVE,
    /** The assignee reports back with text (上报). */
    REPORT,
    /** The issuer accepts the report (通过). */
    ACCEPT,
    /** The issuer sends the report back with a reason (退回). */
    RETURN,
    /** The issuer withdraws the task from the organisation (撤销). */
    CANCEL
}
