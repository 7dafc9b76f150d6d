package org.hazardwatch.api.task;

import java.time.Instant;
import java.util.List;

/**
 * One organisation's part in a task.
 *
 * @param assigneeOrg the organisation's code: a region code, a park code or an enterprise's USCC
 * @param viaNode the lower node the task went down to (the assignee's node), or null when the assignee works on this
 *        node
 * @param report the last report's text, or null
 * @param note the issuer's note with the last decision (why it was returned), or null
 * @param progress how the assignee's own subordinates stand when it passed the task on (JSON array of
 *        {@code {org, name, status, reportedAt, progress}}), or null
 * @param overdue whether the deadline has passed without an accepted report
 * @param actions what the caller may do now (filled in for the caller; empty in messages)
 */
public record TaskAssignment(String taskId, String assigneeOrg, String assigneeName, AssignmentStatus status, String viaNode,
        String report, String reportedBy, Instant reportedAt, String note, Instant updatedAt, String progress, boolean overdue,
        List<TaskAction> actions) {

    public TaskAssignment {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
