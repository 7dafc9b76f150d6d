package org.hazardwatch.api.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.workflow.TransitionTable;
import org.hazardwatch.api.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

/** The registration machine per role, and the documents each kind of application needs. */
class RegistrationWorkflowTest {

    static final Map<String, RegistrationStatus> ALLOWED = Map.ofEntries(
            Map.entry("DRAFT SUBMIT APPLICANT", RegistrationStatus.SUBMITTED),
            Map.entry("RETURNED SUBMIT APPLICANT", RegistrationStatus.SUBMITTED),
            Map.entry("DRAFT WITHDRAW APPLICANT", RegistrationStatus.WITHDRAWN),
            Map.entry("SUBMITTED WITHDRAW APPLICANT", RegistrationStatus.WITHDRAWN),
            Map.entry("RETURNED WITHDRAW APPLICANT", RegistrationStatus.WITHDRAWN),
            Map.entry("SUBMITTED RETURN REGISTRAR", RegistrationStatus.RETURNED),
            Map.entry("ACCEPTED RETURN REGISTRAR", RegistrationStatus.RETURNED),
            Map.entry("SUBMITTED ACCEPT REGISTRAR", RegistrationStatus.ACCEPTED),
            Map.entry("ACCEPTED REGISTER REGISTRAR", RegistrationStatus.REGISTERED),
            Map.entry("REGISTERED NOTIFY REGISTRAR", RegistrationStatus.NOTIFIED));

    @Test
    void exactlyTheAllowedTransitionsPassForEachRole() {
        int refused = TransitionTable.assertExactly(RegistrationWorkflow.MACHINE, ALLOWED, RegistrationStatus.class, RegistrationAction.class,
                RegistrationRole.class);
        assertEquals(7 * 6 * 2 - 10, refused);
    }

    @Test
    void closedApplicationsTakeNoStepAndRefusalsSayWhose() {
        for (RegistrationStatus closed : List.of(RegistrationStatus.NOTIFIED, RegistrationStatus.WITHDRAWN)) {
            assertEquals(List.of(), RegistrationWorkflow.MACHINE.actions(closed, EnumSet.allOf(RegistrationRole.class)));
        }
        WorkflowException e = assertThrows(WorkflowException.class, () -> RegistrationWorkflow.MACHINE.next(RegistrationStatus.SUBMITTED,
                RegistrationAction.ACCEPT, EnumSet.of(RegistrationRole.APPLICANT)));
        assertEquals("hazard source registration: ACCEPT from SUBMITTED is for [REGISTRAR], not for [APPLICANT]", e.getMessage());
    }

    @Test
    void eachKindOfApplicationNeedsItsDocuments() {
        assertEquals(EnumSet.of(DocumentType.IDENTIFICATION_REPORT, DocumentType.SAFETY_EVALUATION, DocumentType.MONITORING_MEASURES,
                DocumentType.EMERGENCY_PLAN, DocumentType.MANAGEMENT_RULES), DocumentType.requiredFor(RegistrationKind.REGISTRATION, null));
        assertEquals(EnumSet.of(DocumentType.IDENTIFICATION_REPORT), DocumentType.requiredFor(RegistrationKind.CANCELLATION,
                CancellationReason.NO_LONGER_MAJOR));
        for (CancellationReason reason : List.of(CancellationReason.CLOSED, CancellationReason.ENTERPRISE_CLOSED, CancellationReason.OTHER)) {
            assertEquals(EnumSet.of(DocumentType.CANCELLATION_EVIDENCE), DocumentType.requiredFor(RegistrationKind.CANCELLATION, reason));
        }
        assertEquals(false, DocumentType.NOTICE.uploadable());
    }
}
