package org.hazardwatch.api.task;

import java.time.Instant;
import java.util.List;

/**
 * A task and its assignments. Its id is the same at every node it reaches.
 *
 * @param parentId the task this one passes on (a receiver issuing it further down), or null
 * @param issuerOrg code of the issuing organisation
 * @param fromNode the upper node it came from, or null when it was issued on this node
 * @param deadline when reports are due, or null
 */
public record Task(String id, String parentId, String title, String body, String issuerOrg, String issuerName, String issuedBy,
        Instant issuedAt, Instant deadline, String fromNode, List<TaskAssignment> assignments) {

    public Task {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }
}
