package org.hazardwatch.api.disposal;

import java.time.Instant;
import java.util.List;

/**
 * An alarm disposal record.
 *
 * @param id database id
 * @param alarmId the alarm it handles
 * @param pointId the alarm's point
 * @param enterpriseCode the point's enterprise
 * @param hazardSourceCode the point's hazard source, or {@code null}
 * @param status where it stands
 * @param assignee who must act now, or {@code null}
 * @param deadline by when the current step must be done, or {@code null}
 * @param planId the emergency plan it is handled by, or {@code null}
 * @param conclusion on closing: what it was and what was done; {@code null} before
 * @param falseAlarm whether verification found no real condition
 * @param createdAt when it was opened
 * @param createdBy who opened it
 * @param closedAt when it was closed, or {@code null}
 * @param steps its history, oldest first
 * @param attachments photos and files, oldest first
 */
public record Disposal(long id, long alarmId, String pointId, String enterpriseCode, String hazardSourceCode,
        DisposalStatus status, String assignee, Instant deadline, Long planId, String conclusion, boolean falseAlarm,
        Instant createdAt, String createdBy, Instant closedAt, List<DisposalStep> steps, List<DisposalAttachment> attachments) {

    /** Whether the current step's deadline has passed. */
    public boolean isOverdue(Instant now) {
        return status != DisposalStatus.CLOSED && deadline != null && now.isAfter(deadline);
    }
}
