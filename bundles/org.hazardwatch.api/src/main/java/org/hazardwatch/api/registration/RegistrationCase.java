package org.hazardwatch.api.registration;

import java.time.Instant;
import java.util.List;

/**
 * A registration or cancellation application of one major hazard source, with its documents and timeline. Its id is
 * the same at every node it reaches.
 *
 * @param enterpriseId the enterprise's id at this node (null on an upper node that does not know it yet)
 * @param regionCode the county of the enterprise (the registrar's region)
 * @param grade the hazard source's grade when the application was made (1-4), or null
 * @param reason why it is cancelled; null for a registration
 * @param statement what the enterprise says in its application
 * @param returnReason why it was last returned, or null
 * @param registrationNumber 登记编号, given at registration
 * @param reassessmentDue when the periodic re-assessment (安全评估) of a registered source falls due
 * @param originNode the node the application came from when it was replicated from below; null for one kept here
 * @param actions what the asking person may do now
 * @param missingDocuments required documents not yet handed in (empty in lists, which carry no documents)
 */
public record RegistrationCase(String id, RegistrationKind kind, RegistrationStatus status, Long enterpriseId, String enterpriseName,
        String uscc, String regionCode, String parkCode, Long hazardSourceId, String hazardSourceCode, String hazardSourceName,
        Integer grade, CancellationReason reason, String statement, String returnReason, String registrationNumber,
        Instant createdAt, String createdBy, Instant submittedAt, Instant registeredAt, String registeredBy, Instant notifiedAt,
        Instant reassessmentDue, Instant updatedAt, String originNode, List<RegistrationDocument> documents,
        List<RegistrationEvent> events, List<RegistrationAction> actions, List<DocumentType> missingDocuments) {

    public RegistrationCase {
        documents = documents == null ? List.of() : List.copyOf(documents);
        events = events == null ? List.of() : List.copyOf(events);
        actions = actions == null ? List.of() : List.copyOf(actions);
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
    }
}
