package org.hazardwatch.api.registration;

/** Where an application stands; see {@link RegistrationWorkflow#MACHINE}. */
public enum RegistrationStatus {
    /** Being prepared by the enterprise: documents may be added and removed. */
    DRAFT,
    /** Submitted, awaiting the county's review. */
    SUBMITTED,
    /** Returned to the enterprise for correction, with the reasons. */
    RETURNED,
    /** Accepted by the county (受理), awaiting registration. */
    ACCEPTED,
    /** Registered (登记 / 注销登记) with a registration number. */
    REGISTERED,
    /** The notice (登记通知书 / 注销通知书) was generated and delivered to the enterprise: closed. */
    NOTIFIED,
    /** Withdrawn by the enterprise before acceptance: closed. */
    WITHDRAWN;

    public boolean closed() {
        return this == NOTIFIED || this == WITHDRAWN;
    }
}
