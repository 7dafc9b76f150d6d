package org.hazardwatch.api.alarm;

/**
 * A result of checking alarm settings against a standard (GB/T 50493-2019 for gas detectors).
 *
 * @param pointId the point
 * @param severity {@link Severity#VIOLATION} breaks a "shall"; {@link Severity#WARNING} cannot be checked or is unusual
 * @param code stable code for the rule, e.g. {@code GBT50493-5.5.2-COMBUSTIBLE-FIRST}
 * @param clause the clause of the standard
 * @param message what is wrong, with the figures
 */
public record StandardFinding(String pointId, Severity severity, String code, String clause, String message) {

    public enum Severity {
        VIOLATION,
        WARNING
    }
}
