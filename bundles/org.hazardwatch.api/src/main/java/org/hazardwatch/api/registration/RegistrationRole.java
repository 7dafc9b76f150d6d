package org.hazardwatch.api.registration;

/** A person's part in an application. */
public enum RegistrationRole {
    /** The enterprise's safety staff (registration:apply, the enterprise in scope). */
    APPLICANT,
    /** The county or park regulator that registers (registration:register, the enterprise in scope, below the city). */
    REGISTRAR
}
