package org.hazardwatch.api.registration;

/** What an application asks for. */
public enum RegistrationKind {
    /** 重大危险源登记 (F1). */
    REGISTRATION,
    /** 重大危险源注销 (F2). */
    CANCELLATION
}
