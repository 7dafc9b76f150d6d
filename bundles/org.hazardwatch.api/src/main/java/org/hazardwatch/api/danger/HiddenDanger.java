package org.hazardwatch.api.danger;

import java.time.Instant;
import java.util.List;

/**
 * A hidden danger of an enterprise with its rectification, governance project, attachments and timeline.
 *
 * @param inspectionId the investigation that found it, or null
 * @param hazardSourceCode the major hazard source it concerns, or null
 * @param responsible 整改责任人
 * @param noticeNumber the rectification notice's number (整改通知书), when the county or park issued one
 * @param overdue still awaiting rectification after the deadline
 * @param actions what the asking person may do now
 */
public record HiddenDanger(String id, String uscc, String enterpriseName, String regionCode, String parkCode, String hazardSourceCode,
        Long inspectionId, DangerLevel level, DangerCategory category, String location, String description, DangerStatus status,
        String foundBy, Instant foundAt, Instant deadline, String responsible, String noticeNumber, String noticeIssuedBy, String rectification,
        String reportedBy, Instant reportedAt, String acceptedBy, Instant closedAt, Instant createdAt, Instant updatedAt, boolean overdue,
        GovernanceProject governance, List<DangerAttachment> attachments, List<DangerEvent> events, List<DangerAction> actions) {

    public HiddenDanger {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        events = events == null ? List.of() : List.copyOf(events);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
