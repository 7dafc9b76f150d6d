package org.hazardwatch.api.registration;

/** A step of an application. */
public enum RegistrationAction {
    /** The enterprise submits (or, after a return, resubmits) with the required documents. */
    SUBMIT,
    /** The county returns it for correction; the reason is required. */
    RETURN,
    /** The county accepts it for registration (受理). */
    ACCEPT,
    /** The county registers it and gives the registration number. */
    REGISTER,
    /** The county generates the notice and delivers it to the enterprise. */
    NOTIFY,
    /** The enterprise withdraws it. */
    WITHDRAW
}
