package org.hazardwatch.api.registration;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.Caller;

/**
 * Registration and cancellation of major hazard sources (F1-F3). Every method checks the caller's scope; every
 * transition goes through {@link RegistrationWorkflow#MACHINE}, is kept in the application's timeline and the audit
 * log, and tells the other side through the notifiers.
 */
public interface RegistrationService {

    /** Largest document accepted. */
    long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    /** A new application. {@code reason} only for a cancellation, where it is required. */
    record Application(RegistrationKind kind, Long hazardSourceId, CancellationReason reason, String statement) {
    }

    /** Filters of {@link #search}; null fields do not filter. {@code from}/{@code to} bound the creation time. */
    record Query(RegistrationKind kind, RegistrationStatus status, String regionCode, Long enterpriseId, Long hazardSourceId,
            Instant from, Instant to) {
    }

    /** A registered hazard source whose periodic re-assessment falls due. */
    record DueReassessment(String registrationId, String registrationNumber, long hazardSourceId, String hazardSourceCode,
            String hazardSourceName, String enterpriseName, String uscc, String regionCode, LocalDate due, boolean overdue) {
    }

    /** A document and its content. */
    record DocumentContent(RegistrationDocument document, byte[] content) {
    }

    /** Applications in the caller's scope, newest first (without documents and timeline). */
    Page<RegistrationCase> search(Caller caller, Query query, int page, int size);

    /** Applications awaiting the caller's action, oldest first. */
    List<RegistrationCase> todo(Caller caller);

    Optional<RegistrationCase> get(Caller caller, String id);

    /** Starts an application as a draft; the enterprise then adds documents and submits. */
    RegistrationCase apply(Caller caller, Application application);

    /** Adds a document to a draft or returned application (the applicant). */
    RegistrationDocument attach(Caller caller, String id, DocumentType type, String fileName, String contentType, InputStream content);

    /** Removes a document from a draft or returned application (the applicant). */
    void removeDocument(Caller caller, String id, long documentId);

    Optional<DocumentContent> document(Caller caller, String id, long documentId);

    /**
     * Takes a step. {@code note}: the reason of a return (required), the remark of any other step. {@code registrationNumber}:
     * for {@link RegistrationAction#REGISTER}, the number to give, or null to have one assigned.
     */
    RegistrationCase act(Caller caller, String id, RegistrationAction action, String note, String registrationNumber);

    RegistrationStatistics statistics(Caller caller, Instant from, Instant to);

    /** Registered sources in scope whose re-assessment falls due within {@code withinDays} days (or is overdue). */
    List<DueReassessment> dueReassessments(Caller caller, int withinDays);
}
