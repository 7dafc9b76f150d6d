package org.hazardwatch.api.registration;

import static org.hazardwatch.api.registration.RegistrationStatus.ACCEPTED;
import static org.hazardwatch.api.registration.RegistrationStatus.DRAFT;
import static org.hazardwatch.api.registration.RegistrationStatus.NOTIFIED;
import static org.hazardwatch.api.registration.RegistrationStatus.REGISTERED;
import static org.hazardwatch.api.registration.RegistrationStatus.RETURNED;
import static org.hazardwatch.api.registration.RegistrationStatus.SUBMITTED;
import static org.hazardwatch.api.registration.RegistrationStatus.WITHDRAWN;

import java.util.EnumSet;

import org.hazardwatch.api.workflow.StateMachine;

/** The state machine of a registration or cancellation application (F1, F2). */
public final class RegistrationWorkflow {

    public static final StateMachine<RegistrationStatus, RegistrationAction, RegistrationRole> MACHINE = StateMachine
            .<RegistrationStatus, RegistrationAction, RegistrationRole>named("hazard source registration")
            .allow(EnumSet.of(DRAFT, RETURNED), RegistrationAction.SUBMIT, SUBMITTED, RegistrationRole.APPLICANT)
            .allow(EnumSet.of(DRAFT, SUBMITTED, RETURNED), RegistrationAction.WITHDRAW, WITHDRAWN, RegistrationRole.APPLICANT)
            .allow(EnumSet.of(SUBMITTED, ACCEPTED), RegistrationAction.RETURN, RETURNED, RegistrationRole.REGISTRAR)
            .allow(EnumSet.of(SUBMITTED), RegistrationAction.ACCEPT, ACCEPTED, RegistrationRole.REGISTRAR)
            .allow(EnumSet.of(ACCEPTED), RegistrationAction.REGISTER, REGISTERED, RegistrationRole.REGISTRAR)
            .allow(EnumSet.of(REGISTERED), RegistrationAction.NOTIFY, NOTIFIED, RegistrationRole.REGISTRAR)
            .build();

    private RegistrationWorkflow() {
    }
}
