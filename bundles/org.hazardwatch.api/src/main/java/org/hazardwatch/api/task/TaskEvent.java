package org.hazardwatch.api.task;

import java.time.Instant;

/** One step in a task's timeline: an assignment moved from one status to another, by whom, why. */
public record TaskEvent(long id, String taskId, String assigneeOrg, TaskAction action, AssignmentStatus from, AssignmentStatus to,
        String actor, String note, Instant at) {
}
