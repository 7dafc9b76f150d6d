package org.hazardwatch.api.task;

/** A person's part in an assignment: of the issuing organisation (with task:issue) or of the assignee (with task:report). */
public enum TaskRole {
    ISSUER,
    ASSIGNEE
}
